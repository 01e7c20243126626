using CiExercise.Contracts.Events;
using CiExercise.Storage.Dialects;

namespace CiExercise.Storage.EventLog;

/// <summary>The parameters of event_insert.sql for one row.</summary>
internal sealed class EventParameters
{
    public required string ExerciseId { get; init; }
    public required long Seq { get; init; }
    public required string Kind { get; init; }
    public required object WallTime { get; init; }
    public required long ScenarioTicks { get; init; }
    public required string? OrgId { get; init; }
    public required string ActorId { get; init; }
    public required string ActorRole { get; init; }
    public required string? ActorOrg { get; init; }
    public required string? InjectId { get; init; }
    public required long? RefSeq { get; init; }
    public required string Payload { get; init; }
    public required string? DedupeKey { get; init; }

    /// <summary>The row as a reader would get it back (times through the dialect's storage form).</summary>
    public ExerciseEvent ToEvent() => new(
        ExerciseId, Seq, Enum.Parse<EventKind>(Kind), SqlDialect.FromDbTime(WallTime), TimeSpan.FromTicks(ScenarioTicks), OrgId,
        new Actor(ActorId, ActorRole, ActorOrg), InjectId, RefSeq, Payload);

    /// <summary>A recorded event as it was (an import): its seq, times and actor kept, under the importing exercise's id.</summary>
    public static EventParameters From(string exerciseId, ExerciseEvent e, SqlDialect dialect) =>
        From(exerciseId, e.Seq, new NewEvent(e.Kind, e.WallTime, e.ScenarioTime, e.OrganizationId, e.Actor, e.InjectId, e.RefSeq, e.Payload, null), dialect);

    public static EventParameters From(string exerciseId, long seq, NewEvent e, SqlDialect dialect) => new()
    {
        ExerciseId = exerciseId,
        Seq = seq,
        // Stored by name (EventKind's contract): members may be added or reordered, never renamed.
        Kind = e.Kind.ToString(),
        WallTime = dialect.ToDbTime(e.WallTime),
        ScenarioTicks = e.ScenarioTime.Ticks,
        OrgId = e.OrganizationId,
        ActorId = e.Actor.Id,
        ActorRole = e.Actor.Role,
        ActorOrg = e.Actor.OrganizationId,
        InjectId = e.InjectId,
        RefSeq = e.RefSeq,
        Payload = e.Payload,
        DedupeKey = e.DedupeKey,
    };
}
