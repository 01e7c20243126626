using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>A controller's ad-hoc inject, kept whole so the timeline can be rebuilt from the log.</summary>
public sealed record AdHocInjectAddedPayload(Inject Inject);
