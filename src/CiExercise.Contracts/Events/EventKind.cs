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

    // Scenario dynamics, exercise level: a held inject released (due at a scenario time) or cancelled, by its
    // conditions or by a controller (staff only)...
    InjectReleased,
    InjectCancelled,

    // ...a service's state changing (every participant sees it: see PublicKinds), and a post in the news and social
    // feed: written live by the control cell, or an organization's press statement (every participant sees it).
    ServiceChanged,
    FeedPosted,

    // ...and per organization: a report form answered.
    ReportSubmitted,
}
