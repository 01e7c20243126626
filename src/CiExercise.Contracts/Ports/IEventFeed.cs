using CiExercise.Contracts.Events;

namespace CiExercise.Contracts.Ports;

/// <summary>
/// Committed events as they become durable, for the realtime bridge. Each call gets one committed group,
/// in commit order; a group holds ascending sequence numbers per exercise. A feed never waits on a slow
/// subscriber: the one on this node hands groups over through a bounded buffer, and a subscriber that
/// falls behind loses groups (it sees a jump in an exercise's sequence numbers and reads the gap from
/// the log). Another node's commits will reach a node through a different implementation (tailing the
/// log by sequence number, or an Orleans broadcast channel), with no change to grains or the hub.
/// </summary>
public interface IEventFeed
{
    /// <summary>Calls handler with every group committed from now on, until the result is disposed.</summary>
    IDisposable Subscribe(Func<IReadOnlyList<ExerciseEvent>, CancellationToken, ValueTask> handler);
}
