namespace CiExercise.Client.Hub;

public static class HubRoutes
{
    /// <summary>Where the server maps the exercise hub.</summary>
    public const string Exercise = "/hubs/exercise";
}
