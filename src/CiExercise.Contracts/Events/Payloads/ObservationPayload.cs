using CiExercise.Contracts.Exercises;

namespace CiExercise.Contracts.Events.Payloads;

public sealed record ObservationPayload(Observation Observation, string? ClientActionId, string? Fingerprint = null);
