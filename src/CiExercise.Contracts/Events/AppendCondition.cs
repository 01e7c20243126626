namespace CiExercise.Contracts.Events;

/// <summary>
/// What must still hold when an append is ordered: the event log checks it under the exercise's sequence
/// lock, in the transaction that assigns the seqs, so nothing (another grain, another node) can come
/// between the check and the write. A caller that asked whether play is allowed and then appends would
/// otherwise race a halt or the end ordered in between.
/// </summary>
/// <param name="InPlayAsOfSeq">The exercise was running or paused as of this seq (its clock snapshot's).</param>
public sealed record AppendCondition(long InPlayAsOfSeq)
{
    /// <summary>
    /// The kinds that take an exercise out of play or back in: of these, the latest one after
    /// <see cref="InPlayAsOfSeq"/> decides (a halt lifted since puts play back as it was, which was in play).
    /// </summary>
    public static IReadOnlySet<EventKind> PlayKinds { get; } = new HashSet<EventKind>
    {
        EventKind.ExerciseEnded, EventKind.RealWorldHaltDeclared, EventKind.RealWorldHaltLifted,
    };

    /// <summary>Whether an append is refused when <paramref name="latest"/> is the latest of <see cref="PlayKinds"/> after the snapshot.</summary>
    public static bool Refuses(EventKind? latest) => latest is EventKind.ExerciseEnded or EventKind.RealWorldHaltDeclared;
}
