namespace CiExercise.Client.Hub;

/// <summary>Why the server closes a console's connection (the argument of <see cref="IExerciseHubClient.Closing"/>).</summary>
public static class ClosingReasons
{
    public const string TokenRevoked = "token-revoked";
    public const string TokenExpired = "token-expired";
}
