namespace CiExercise.Contracts.Events.Payloads;

public sealed record ExerciseCreatedPayload(string Name, string ScenarioId);
