namespace CiExercise.Grains.Exercises;

internal sealed record FiredInject(
    long Seq,
    DateTimeOffset At,
    TimeSpan AtScenario,
    TimeSpan Lateness,
    bool Late,
    IReadOnlyList<string> Recipients);
