namespace CiExercise.Contracts.CommunicationChecks;

/// <summary>
/// One communication check as the log records it: per stage the share of its organizations that acknowledged
/// and how long after the start they did, and per organization where the check stands (who has not answered).
/// </summary>
public sealed record CheckReport(
    string CheckId,
    CheckRoute Route,
    string Message,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<StageReach> Stages,
    IReadOnlyList<CheckOrganization> Organizations);

/// <summary>Rate is Acknowledged / Organizations; the times run from the check's start to each acknowledgement.</summary>
public sealed record StageReach(
    CheckStage Stage, int Organizations, int Received, int Acknowledged, double Rate,
    TimeSpan? MedianToAcknowledge, TimeSpan? SlowestToAcknowledge);

public sealed record CheckOrganization(
    string OrganizationId, CheckStage Stage, string? Via, DateTimeOffset? ReceivedAt, DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy, DateTimeOffset? PassedOnAt);
