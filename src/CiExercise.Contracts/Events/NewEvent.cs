namespace CiExercise.Contracts.Events;

/// <summary>
/// An event to append. The log assigns the sequence number. A non-null DedupeKey makes the append
/// idempotent: a second append with the same key in the same exercise returns the first row's number.
/// Payload is a JSON object whose shape depends on Kind (see the *Payload records).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.NewEvent")]
public sealed record NewEvent(
    [property: Id(0)] EventKind Kind,
    [property: Id(1)] DateTimeOffset WallTime,
    [property: Id(2)] TimeSpan ScenarioTime,
    [property: Id(3)] string? OrganizationId,
    [property: Id(4)] Actor Actor,
    [property: Id(5)] string? InjectId,
    [property: Id(6)] long? RefSeq,
    [property: Id(7)] string Payload,
    [property: Id(8)] string? DedupeKey)
{
    /// <summary>The row this event became once the log gave it its sequence number.</summary>
    public ExerciseEvent Recorded(string exerciseId, long seq) =>
        new(exerciseId, seq, Kind, WallTime, ScenarioTime, OrganizationId, Actor, InjectId, RefSeq, Payload);
}
