using CiExercise.Contracts.Improvement;

namespace CiExercise.Server.Requests;

/// <summary>
/// A corrective action as a controller or evaluator writes it (add and update alike: an update replaces every
/// field). Capability follows from the objective when one is named.
/// </summary>
public sealed record CorrectiveActionRequest(
    string? ObjectiveId,
    string? Capability,
    string? TaskId,
    long? ObservationSeq,
    string? Kpi,
    string? Finding,
    string? Action,
    string? OwnerOrganizationId,
    DateOnly? Due,
    CorrectiveActionStatus? Status,
    string? ClientActionId) : IKeyedRequest;
