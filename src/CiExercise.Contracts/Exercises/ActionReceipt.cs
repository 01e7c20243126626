namespace CiExercise.Contracts.Exercises;

/// <summary>
/// Proof that a participant's action is durable: its sequence number and both times.
/// Duplicate is set when the same client action id had already been recorded.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ActionReceipt")]
public sealed record ActionReceipt(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset WallTime,
    [property: Id(2)] TimeSpan ScenarioTime,
    [property: Id(3)] bool Duplicate);
