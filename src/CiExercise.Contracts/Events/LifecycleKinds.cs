namespace CiExercise.Contracts.Events;

/// <summary>
/// The exercise-level kinds every participant sees: the exercise's lifecycle and clock (the rest of the
/// exercise level, such as the timeline and observations, is for controllers, evaluators and observers).
/// One list for the server's audience rule and the event log's visible-events query.
/// </summary>
public static class LifecycleKinds
{
    public static IReadOnlySet<EventKind> All { get; } = new HashSet<EventKind>
    {
        EventKind.ExerciseStarted, EventKind.ExercisePaused, EventKind.ExerciseResumed, EventKind.SpeedChanged,
        EventKind.ClockJumped, EventKind.ExerciseEnded, EventKind.RealWorldHaltDeclared, EventKind.RealWorldHaltLifted,
    };
}
