using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Exercises;

/// <summary>
/// Where one inject of the timeline stands. Lateness is how long after its due wall moment it was
/// fired (zero when on time); Late is set when that exceeds the firing tolerance.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.InjectState")]
public sealed record InjectState(
    [property: Id(0)] Inject Inject,
    [property: Id(1)] bool AdHoc,
    [property: Id(2)] InjectStatus Status,
    [property: Id(3)] long? FiredSeq,
    [property: Id(4)] DateTimeOffset? FiredAt,
    [property: Id(5)] TimeSpan? FiredAtScenario,
    [property: Id(6)] TimeSpan Lateness,
    [property: Id(7)] bool Late,
    [property: Id(8)] IReadOnlyList<string> Recipients)
{
    /// <summary>For a conditional inject: what it waits for and how far that has come, or why it was released or cancelled.</summary>
    [Id(9)] public HoldView? Hold { get; init; }
}
