namespace CiExercise.Cli.Load.Consoles;

/// <summary>
/// Where the consoles connect: the product (each console reads its view and the directory over HTTP first,
/// as the web console does, and asks GetExercise for inject text it was not sent) or the bare hub (whose
/// events carry everything, and which knows a console's organization and role from its URL).
/// </summary>
public sealed record ConsoleTarget(string Name, Uri Server, string ExerciseId, bool Product, HttpClient Http)
{
    public Uri HubUrl(Scenario.Seat seat) => Product
        ? new Uri(Server, CiExercise.Client.Hub.HubRoutes.Exercise)
        : new Uri(Server, $"{CiExercise.Client.Hub.HubRoutes.Exercise}?org={Uri.EscapeDataString(seat.OrganizationId)}&role={Uri.EscapeDataString(seat.Role)}");
}
