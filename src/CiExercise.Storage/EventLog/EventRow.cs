using CiExercise.Contracts.Events;
using CiExercise.Storage.Dialects;

namespace CiExercise.Storage.EventLog;

/// <summary>One row as the event_read_*.sql statements return it.</summary>
internal sealed class EventRow
{
    public string ExerciseId { get; set; } = "";
    public long Seq { get; set; }
    public string Kind { get; set; } = "";

    // A long (SQLite ticks) or a DateTimeOffset (SQL Server), depending on the dialect.
    public object WallTime { get; set; } = 0L;
    public long ScenarioTicks { get; set; }
    public string? OrgId { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public string? ActorOrg { get; set; }
    public string? InjectId { get; set; }
    public long? RefSeq { get; set; }
    public string Payload { get; set; } = "";

    public ExerciseEvent ToEvent() => new(
        ExerciseId,
        Seq,
        Enum.Parse<EventKind>(Kind),
        SqlDialect.FromDbTime(WallTime),
        TimeSpan.FromTicks(ScenarioTicks),
        OrgId,
        new Actor(ActorId, ActorRole, ActorOrg),
        InjectId,
        RefSeq,
        Payload);
}
