using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Model;

/// <summary>
/// One cascade: a service that went down or degraded by an inject or a controller (the root cause), when (Seq, At)
/// and when it was back up; the services that followed it through their dependencies; and the decisions that set
/// out to restore any of them, each in time (back up before anything that depended on it fell) or too late.
/// </summary>
public sealed record Cascade(
    string ServiceId,
    string OrganizationId,
    ServiceStatus Status,
    ServiceCause Cause,
    string? InjectId,
    long Seq,
    TimeSpan At,
    TimeSpan? UpAt,
    IReadOnlyList<CascadeFollower> Followed,
    IReadOnlyList<RestoreDecision> Decisions);

/// <summary>A service that followed a dependency (BecauseOf) into Status at exactly At, and when it was back up (null: not).</summary>
public sealed record CascadeFollower(
    string ServiceId,
    string OrganizationId,
    ServiceStatus Status,
    string BecauseOf,
    long Seq,
    TimeSpan At,
    TimeSpan? UpAt);

/// <summary>
/// A decision (DecisionSeq, by OrganizationId) whose choice restored ServiceId: restoring from DecidedAt, up at
/// RestoredAt (null: not before the record ends). InTime when it was back before any of its dependents fell; Fell
/// lists the dependents that fell while it was down.
/// </summary>
public sealed record RestoreDecision(
    string ServiceId,
    string? OrganizationId,
    long DecisionSeq,
    TimeSpan DecidedAt,
    TimeSpan? RestoredAt,
    bool InTime,
    IReadOnlyList<string> Fell);
