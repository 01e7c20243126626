namespace CiExercise.Client.Hub;

/// <summary>Why the server closes a console's connection (the argument of <see cref="IExerciseHubClient.Closing"/>).</summary>
public static class ClosingReasons
{
    public const string TokenRevoked = "token-revoked";
    public const string TokenExpired = "token-expired";

    /// <summary>The token already holds as many hub connections as it may (Limits:HubConnectionsPerToken): close another tab.</summary>
    public const string ConnectionLimit = "connection-limit";
}
