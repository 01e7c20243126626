namespace CiExercise.Contracts.Exercises;

/// <summary>Both clocks at one wall moment. StoryTime is the scenario start plus ScenarioElapsed.</summary>
[GenerateSerializer, Immutable, Alias("ciex.ClockView")]
public sealed record ClockView(
    [property: Id(0)] DateTimeOffset WallTime,
    [property: Id(1)] TimeSpan ScenarioElapsed,
    [property: Id(2)] DateTimeOffset StoryTime,
    [property: Id(3)] double Speed,
    [property: Id(4)] bool Running);
