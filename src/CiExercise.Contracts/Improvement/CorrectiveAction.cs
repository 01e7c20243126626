namespace CiExercise.Contracts.Improvement;

/// <summary>
/// One item of the improvement plan: a finding of an exercise, the action that answers it, the organization that
/// owns it and when it is due. Recorded against an objective (and the capability it tests, which is what links
/// exercises of different scenarios), a critical task, an observation, and a KPI, and kept across exercises:
/// a later exercise with the same organization or objective shows it and reports whether the finding recurred.
/// Version counts changes, for optimistic concurrency.
/// </summary>
public sealed record CorrectiveAction(
    string Id,
    string ExerciseId,
    string? ObjectiveId,
    string? Capability,
    string? TaskId,
    long? ObservationSeq,
    string? Kpi,
    string Finding,
    string Action,
    string? OwnerOrganizationId,
    DateOnly? Due,
    CorrectiveActionStatus Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    int Version);

public enum CorrectiveActionStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}
