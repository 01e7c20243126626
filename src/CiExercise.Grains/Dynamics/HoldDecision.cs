namespace CiExercise.Grains.Dynamics;

/// <summary>
/// What a conditional inject's rules decided: released (due at DueAt) or cancelled, recorded at scenario time At
/// (where its condition was met, or its deadline), with the reason in words and the row behind it.
/// </summary>
internal sealed record HoldDecision(string InjectId, bool Release, TimeSpan At, TimeSpan? DueAt, string Reason, long? TriggerSeq);
