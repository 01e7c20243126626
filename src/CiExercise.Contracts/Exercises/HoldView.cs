using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Exercises;

/// <summary>
/// Where a conditional inject's wait stands, for the MSEL board: the progress of its conditions, its deadline, and
/// once released or cancelled, when it is due or why it was cancelled (Reason, in words; TriggerSeq the row behind it).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.HoldView")]
public sealed record HoldView(
    [property: Id(0)] ConditionProgress? When,
    [property: Id(1)] ConditionProgress? Unless,
    [property: Id(2)] TimeSpan Delay,
    [property: Id(3)] TimeSpan? Deadline,
    [property: Id(4)] TimeSpan? DueAt,
    [property: Id(5)] string? Reason,
    [property: Id(6)] long? TriggerSeq,
    [property: Id(7)] bool Manual);

/// <summary>
/// One condition and how far it has come: Met (and the scenario time and row it was met at), and for counted
/// conditions how many of the scope acted out of how many are needed. Parts are the progress of all-of / any-of.
/// Summary says it in words ("2 of 3 water operators decided 'isolate'").
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ConditionProgress")]
public sealed record ConditionProgress(
    [property: Id(0)] Condition Condition,
    [property: Id(1)] bool Met,
    [property: Id(2)] TimeSpan? MetAt,
    [property: Id(3)] long? MetSeq,
    [property: Id(4)] int Count,
    [property: Id(5)] int Needed,
    [property: Id(6)] string Summary,
    [property: Id(7)] IReadOnlyList<ConditionProgress> Parts);
