namespace CiExercise.Contracts.Exercises;

/// <summary>
/// Enough of the clock to compute scenario time at any wall moment after AnchorWall:
/// ScenarioAt(w) = AnchorScenario + (w - AnchorWall) × Speed while running, AnchorScenario otherwise.
/// Status tells an organization grain whether play is allowed at all; AsOfSeq is the last exercise-level event
/// it reflects, which an append conditioned on play (AppendCondition) carries to the log.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.ClockSnapshot")]
public sealed record ClockSnapshot(
    [property: Id(0)] ExerciseStatus Status,
    [property: Id(1)] DateTimeOffset AnchorWall,
    [property: Id(2)] TimeSpan AnchorScenario,
    [property: Id(3)] double Speed,
    [property: Id(4)] long AsOfSeq = 0)
{
    public bool Running => Status == ExerciseStatus.Running;

    public TimeSpan ScenarioAt(DateTimeOffset wall) =>
        Running && wall > AnchorWall
            ? AnchorScenario + TimeSpan.FromTicks((long)((wall - AnchorWall).Ticks * Speed))
            : AnchorScenario;
}
