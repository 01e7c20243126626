using CiExercise.Contracts.Exercises;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>
/// An acknowledgement or a decision. Implicit is set on an acknowledgement recorded because the
/// organization decided before acknowledging. ClientActionId is the id the client gave the action,
/// Fingerprint what the action was (so that the id reused for another action is refused).
/// </summary>
public sealed record ParticipantActionPayload(
    string? ChoiceId = null,
    string? Text = null,
    bool Implicit = false,
    string? ClientActionId = null,
    string? Fingerprint = null,
    SeverityRating? Severity = null);
