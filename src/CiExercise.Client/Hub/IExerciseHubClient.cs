namespace CiExercise.Client.Hub;

/// <summary>What the server calls on a connected console (the strongly typed hub's client side).</summary>
public interface IExerciseHubClient
{
    /// <summary>One event the caller may see, replayed or live, in sequence order per exercise.</summary>
    Task Event(LiveEvent e);

    /// <summary>The replay after Subscribe is complete; live events follow.</summary>
    Task CaughtUp(string exerciseId, long lastSeq);

    /// <summary>Staff only: who is connected to the exercise now, pushed at most once a second when it changed.</summary>
    Task Presence(Contracts.Presence.PresenceView presence);

    /// <summary>The server is closing this connection (token expired or revoked) and says why.</summary>
    Task Closing(string reason);
}
