namespace CiExercise.Client.Hub;

/// <summary>What the server calls on a connected console (the strongly typed hub's client side).</summary>
public interface IExerciseHubClient
{
    /// <summary>
    /// One event the caller may see, replayed or live. Replayed ones come in sequence order and so do live ones,
    /// but until CaughtUp a live one may overtake replayed ones below it (README, "Live consoles and the hub").
    /// </summary>
    Task Event(LiveEvent e);

    /// <summary>
    /// The replay after Subscribe has sent every event the caller may see up to throughSeq (sent after each full
    /// page): a connection cut later resubscribes after it rather than starting over. Live events above it may
    /// have arrived already; they are not covered until a later Replayed or CaughtUp.
    /// </summary>
    Task Replayed(string exerciseId, long throughSeq);

    /// <summary>The replay after Subscribe is complete; live events follow, in sequence order.</summary>
    Task CaughtUp(string exerciseId, long lastSeq);

    /// <summary>Staff only: who is connected to the exercise now, pushed at most once a second when it changed.</summary>
    Task Presence(Contracts.Presence.PresenceView presence);

    /// <summary>The server is closing this connection (token expired or revoked) and says why.</summary>
    Task Closing(string reason);
}
