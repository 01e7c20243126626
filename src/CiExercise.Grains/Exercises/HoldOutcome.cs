using CiExercise.Contracts.Exercises;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// What became of a conditional inject, from its InjectReleased or InjectCancelled row (Seq): Status is Released
/// (DueAt set) or Cancelled; Reason in words, TriggerSeq the row that made it so, Manual when a controller did.
/// </summary>
internal sealed record HoldOutcome(InjectStatus Status, TimeSpan? DueAt, string Reason, long Seq, long? TriggerSeq, bool Manual);
