namespace CiExercise.Client;

/// <summary>Where a console's connection stands, for a connection indicator.</summary>
public enum ExerciseConnectionState
{
    /// <summary>Not started yet.</summary>
    Disconnected,

    /// <summary>Connected, with no subscription yet.</summary>
    Connected,

    /// <summary>The transport dropped; the client is trying to reconnect.</summary>
    Reconnecting,

    /// <summary>A subscription is replaying what was missed; live events wait until it is done.</summary>
    CatchingUp,

    /// <summary>Every subscription is caught up; events arrive as they are recorded.</summary>
    Live,

    /// <summary>Stopped for good: disposed, closed by the server (see ClosingReason), or reconnecting gave up.</summary>
    Closed,
}
