namespace CiExercise.Contracts.Events.Payloads;

/// <summary>A participant's console first subscribed to the exercise (once per person and organization).</summary>
public sealed record ParticipantJoinedPayload(string Role);
