using System.Globalization;
using CiExercise.Contracts.Improvement;
using CiExercise.Storage.Dialects;

namespace CiExercise.Storage.CorrectiveActions;

/// <summary>One row of corrective_actions or corrective_action_history as the corrective_action_*.sql selects return it.</summary>
internal sealed class CorrectiveActionRow
{
    public string Id { get; set; } = "";
    public string ExerciseId { get; set; } = "";
    public string? ObjectiveId { get; set; }
    public string? Capability { get; set; }
    public string? TaskId { get; set; }
    public long? ObservationSeq { get; set; }
    public string? Kpi { get; set; }
    public string Finding { get; set; } = "";
    public string Action { get; set; } = "";
    public string? OwnerOrganizationId { get; set; }
    public string Status { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public string UpdatedBy { get; set; } = "";
    public long Version { get; set; }

    // Times are a long (SQLite ticks) or a DateTimeOffset (SQL Server); the due date ISO text (SQLite) or a date (SQL Server).
    public object CreatedAt { get; set; } = 0L;
    public object UpdatedAt { get; set; } = 0L;
    public object? Due { get; set; }

    public CorrectiveAction ToAction() => new(Id, ExerciseId, ObjectiveId, Capability, TaskId, ObservationSeq, Kpi, Finding, Action,
        OwnerOrganizationId, DueDate(Due), Enum.Parse<CorrectiveActionStatus>(Status), CreatedBy, SqlDialect.FromDbTime(CreatedAt),
        UpdatedBy, SqlDialect.FromDbTime(UpdatedAt), checked((int)Version));

    /// <summary>The parameters of corrective_action_insert.sql and corrective_action_update.sql.</summary>
    public static object Parameters(CorrectiveAction action, SqlDialect dialect, string? requestKey = null, int expectedVersion = 0) => new
    {
        action.Id,
        action.ExerciseId,
        action.ObjectiveId,
        action.Capability,
        action.TaskId,
        action.ObservationSeq,
        action.Kpi,
        action.Finding,
        action.Action,
        action.OwnerOrganizationId,
        Due = action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Status = action.Status.ToString(),
        action.CreatedBy,
        CreatedAt = dialect.ToDbTime(action.CreatedAt),
        action.UpdatedBy,
        UpdatedAt = dialect.ToDbTime(action.UpdatedAt),
        RequestKey = requestKey,
        ExpectedVersion = expectedVersion,
    };

    private static DateOnly? DueDate(object? value) => value switch
    {
        null or DBNull => null,
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => DateOnly.FromDateTime(time),
        DateOnly date => date,
        _ => throw new InvalidCastException($"A stored due date of type {value.GetType().Name} cannot be read."),
    };
}
