namespace CiExercise.Contracts.Events;

/// <summary>
/// What an event-log row records. Stored by name, so members may be added but never renamed.
/// Exercise-level kinds have no organization; the others belong to one organization's stream.
/// </summary>
public enum EventKind
{
    // Exercise level: lifecycle and clock.
    ExerciseCreated,
    ExerciseStarted,
    ExercisePaused,
    ExerciseResumed,
    SpeedChanged,
    ClockJumped,
    ExerciseEnded,
    RealWorldHaltDeclared,
    RealWorldHaltLifted,

    // Exercise level: the timeline.
    InjectFired,
    AdHocInjectAdded,

    // Exercise level: evaluation (seen by controllers, evaluators and observers only).
    ObservationRecorded,

    // Organization level.
    InjectDelivered,
    InjectAcknowledged,
    DecisionRecorded,
    MessageSent,
    MessageReceived,

    // Communication checks (before or during play; see CommunicationCheckPayloads): exercise level (staff)...
    CommunicationCheckStarted,
    CommunicationCheckClosed,

    // ...and per organization (the organization's own stream).
    CommunicationCheckReceived,
    CommunicationCheckAcknowledged,
    CommunicationCheckPassedOn,

    // After-action review: an evaluator's rating of a critical task (exercise level, staff only)...
    TaskRated,

    // ...and per organization: a participant's first subscription, and its hot-wash answers after the end.
    ParticipantJoined,
    HotWashSubmitted,
}
