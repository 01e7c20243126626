using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>
/// A controller's ad-hoc inject, kept whole so the timeline can be rebuilt from the log, with the controller's
/// key and the fingerprint of what was asked, so that a resend is answered with this inject.
/// </summary>
public sealed record AdHocInjectAddedPayload(Inject Inject, string? ClientActionId = null, string? Fingerprint = null);
