using CiExercise.Contracts.Exercises;

namespace CiExercise.Contracts.CommunicationChecks;

/// <summary>What an organization grain asks the exercise before it records an answer to a check, in one call.</summary>
[GenerateSerializer, Immutable, Alias("ciex.CheckWindow")]
public sealed record CheckWindow([property: Id(0)] CheckAvailability Availability, [property: Id(1)] ClockSnapshot Clock);
