using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>
/// A held inject released: it fires at scenario time DueAt (its trigger's time plus the inject's delay, never before
/// its At). TriggerSeq is the row that made its condition hold (null when a controller released it by hand or a
/// time passed); Reason says why in words for the board and the review. The event's InjectId is the inject.
/// </summary>
public sealed record InjectReleasedPayload(
    TimeSpan DueAt,
    string Reason,
    long? TriggerSeq,
    bool Manual,
    string? ClientActionId = null,
    string? Fingerprint = null);

/// <summary>A held or scheduled inject cancelled: its unless-condition held, its deadline passed, or a controller cancelled it.</summary>
public sealed record InjectCancelledPayload(
    string Reason,
    long? TriggerSeq,
    bool Manual,
    string? ClientActionId = null,
    string? Fingerprint = null);

/// <summary>Why a service changed state.</summary>
public enum ServiceCause
{
    /// <summary>An inject's effect (the event's InjectId).</summary>
    Inject,

    /// <summary>A controller set it.</summary>
    Controller,

    /// <summary>A service it depends on stayed down past its tolerance (CauseServiceId).</summary>
    Cascade,

    /// <summary>A participant's decision started restoring it (DecisionSeq), or the restore completed.</summary>
    Decision,

    /// <summary>What it depends on came back, so a service that had followed it down came back with it.</summary>
    Recovered,
}

/// <summary>
/// A service's change of state (the event's scenario time is when it happened; a cascade or a completed restore is
/// recorded at the scenario time it fell due). Note is a controller's or the scenario's words.
/// </summary>
public sealed record ServiceChangedPayload(
    string ServiceId,
    ServiceStatus From,
    ServiceStatus To,
    ServiceCause Cause,
    string? CauseServiceId = null,
    long? DecisionSeq = null,
    string? Note = null,
    string? ClientActionId = null,
    string? Fingerprint = null);
