using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// An exercise's status and clocks from its lifecycle and clock events, by the grain's own fold, for
/// readers that must not wake every exercise grain (the exercise list).
/// </summary>
public static class ExerciseStatusFold
{
    public static (ExerciseStatus Status, ClockView Clock) Fold(Scenario scenario, IEnumerable<ExerciseEvent> clockEvents, DateTimeOffset now)
    {
        var state = new ExerciseState("", "", scenario);
        foreach (var e in clockEvents) state.Apply(e);
        return (state.Status, state.ClockAt(now));
    }
}
