using CiExercise.Client.Hub;

namespace CiExercise.Client;

/// <summary>
/// One subscribed exercise on one connection: the sequence number up to which everything is handed out, and
/// while a Subscribe is replaying, the events that arrived above it (replayed and live mixed).
/// </summary>
internal sealed class ExerciseStream
{
    public long Highest { get; set; }

    public List<LiveEvent>? Pending { get; set; }

    public TaskCompletionSource<long>? CaughtUp { get; set; }

    public bool CatchingUp => Pending is not null;
}
