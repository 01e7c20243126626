namespace CiExercise.Contracts.Events;

/// <summary>
/// Who did something: a participant (Id is their name or account, Role their role in OrganizationId),
/// a controller (Role "control"), or the system itself (the scheduler).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.Actor")]
public sealed record Actor(
    [property: Id(0)] string Id,
    [property: Id(1)] string Role,
    [property: Id(2)] string? OrganizationId)
{
    public const string ControlRole = "control";
    public const string SystemRole = "system";

    public static Actor System { get; } = new("scheduler", SystemRole, null);

    public static Actor Controller(string id) => new(id, ControlRole, null);

    /// <summary>A controller speaking for an organization the control cell plays (a simulated ministry, a vendor).</summary>
    public static Actor ControllerAs(string id, string organizationId) => new(id, ControlRole, organizationId);

    /// <summary>Whether this is a controller acting as a simulated organization: the record keeps both.</summary>
    public bool IsControllerAs => Role == ControlRole && OrganizationId is not null;
}
