namespace CiExercise.Server.Requests;

/// <summary>Creates an exercise from a loaded scenario. Without an id one is made; without a name the scenario title is used.</summary>
public sealed record CreateExerciseRequest(string? ScenarioId, string? Name, string? Id);

public sealed record HaltRequest(string? Reason);

public sealed record SpeedRequest(double? Speed);

/// <summary>Either a phase to jump to, or To = "next-inject".</summary>
public sealed record JumpRequest(string? PhaseId, string? To);
