using Orleans.Concurrency;
using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Exercises;

/// <summary>
/// One exercise: its lifecycle, its clock and its timeline of injects. Keyed by the exercise id.
/// Every command is recorded in the event log before it returns.
/// </summary>
[Alias("ciex.IExerciseGrain")]
public interface IExerciseGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<ExerciseView> Create(string name, Scenario scenario, Actor actor);

    [Alias("GetView"), ReadOnly] Task<ExerciseView> GetView();

    /// <summary>Read by organization grains for every action; interleaves with long commands.</summary>
    [Alias("GetClock"), ReadOnly, AlwaysInterleave] Task<ClockSnapshot> GetClock();

    [Alias("Start")] Task<ExerciseView> Start(Actor actor);

    [Alias("Pause")] Task<ExerciseView> Pause(Actor actor);

    [Alias("Resume")] Task<ExerciseView> Resume(Actor actor);

    /// <summary>Speed factor: 1 is real time, 60 an hour of story per minute; 0.1 to 3600.</summary>
    [Alias("SetSpeed")] Task<ExerciseView> SetSpeed(Actor actor, double speed);

    [Alias("JumpToPhase")] Task<ExerciseView> JumpToPhase(Actor actor, string phaseId);

    [Alias("JumpToNextInject")] Task<ExerciseView> JumpToNextInject(Actor actor);

    [Alias("End")] Task<ExerciseView> End(Actor actor);

    [Alias("Halt")] Task<ExerciseView> Halt(Actor actor, string reason);

    [Alias("LiftHalt")] Task<ExerciseView> LiftHalt(Actor actor);

    [Alias("FireAdHoc")] Task<InjectState> FireAdHoc(Actor actor, AdHocInject inject);

    /// <summary>
    /// Runs a lifecycle or clock command (what Start, Pause, … do) under the controller's key: a resend with the
    /// same key is answered with the exercise as it is and Replayed, and is not run again; the key reused for
    /// another command is refused (idempotency.key-reused). Recognised after a restart too: the key is in the log.
    /// </summary>
    [Alias("Control")] Task<CommandAnswer> Control(Actor actor, ControlCommand command, string? clientActionId);

    /// <summary>Fires an ad-hoc inject under the controller's key: a resend answers the first inject's state, fired once.</summary>
    [Alias("FireAdHocKeyed")] Task<AdHocAnswer> FireAdHoc(Actor actor, AdHocInject inject, string? clientActionId);

    /// <summary>
    /// Records an evaluator's observation (any status but draft); the objectives, injects and organizations
    /// it names must exist. A repeated client action id returns the first receipt; reused for another observation it is refused.
    /// </summary>
    [Alias("RecordObservation")]
    Task<ActionReceipt> RecordObservation(Actor evaluator, Observation observation, string? clientActionId);

    /// <summary>
    /// Records an evaluator's rating of a critical task (once the exercise has started, also after it ended); the
    /// objective and task must exist, and the evidence be seqs of the exercise's log. Keyed like observations.
    /// </summary>
    [Alias("RateTask")]
    Task<ActionReceipt> RateTask(Actor evaluator, TaskRating rating, string? clientActionId);

    /// <summary>
    /// Starts a communication check (in draft too): records it and its delivery to the first organizations
    /// of the route. A repeated client action id of the same controller answers the first check.
    /// </summary>
    [Alias("StartCommunicationCheck")]
    Task<CheckStarted> StartCommunicationCheck(Actor actor, CheckRoute route, string message, string? clientActionId);

    /// <summary>
    /// Closes a check: organizations can no longer answer it, and its report is final. A resend with the same
    /// client action id answers the first receipt (without one, a second close is refused as already closed).
    /// </summary>
    [Alias("CloseCommunicationCheck")] Task<ActionReceipt> CloseCommunicationCheck(Actor actor, string checkId, string? clientActionId);

    /// <summary>Asked by organization grains before they record an answer; interleaves like GetClock.</summary>
    [Alias("GetCheckWindow"), ReadOnly, AlwaysInterleave] Task<CheckWindow> GetCheckWindow(string checkId);

    /// <summary>Fires every inject that is due and schedules the next wake-up. Idempotent.</summary>
    [Alias("FireDue")] Task FireDue();

    /// <summary>
    /// Told by an organization grain once rows of its stream up to <paramref name="seq"/> are durable, when the scenario
    /// has dynamics (conditions or services): the timeline reads the log from where it last read, in seq order, and
    /// evaluates conditions and services on what it finds. A lost or repeated call loses nothing: the next call or
    /// activation reads on from the same place.
    /// </summary>
    [Alias("Recorded"), OneWay] Task Recorded(long seq);

    /// <summary>Releases a held inject by hand (a controller): it fires now. Keyed like every command.</summary>
    [Alias("ReleaseInject")] Task<ActionReceipt> ReleaseInject(Actor actor, string injectId, string? reason, string? clientActionId);

    /// <summary>Cancels a held or not yet fired conditional inject by hand (a controller). Keyed like every command.</summary>
    [Alias("CancelInject")] Task<ActionReceipt> CancelInject(Actor actor, string injectId, string? reason, string? clientActionId);

    /// <summary>A controller sets a service's state (down, degraded, up); cascades follow from it. Keyed like every command.</summary>
    [Alias("SetService")]
    Task<ActionReceipt> SetService(Actor actor, string serviceId, ServiceStatus status, string? note, string? clientActionId);

    /// <summary>Every service's state now (the server narrows it for a participant).</summary>
    [Alias("GetServices"), ReadOnly, AlwaysInterleave] Task<ServiceBoard> GetServices();

    /// <summary>
    /// Publishes a post in the feed: a controller's live news or social post, or (actor a participant) its organization's
    /// press statement. In play only (running or paused). A resend with the same key answers the first post's receipt.
    /// </summary>
    [Alias("PublishPost")] Task<ActionReceipt> PublishPost(Actor actor, FeedPost post, string? clientActionId);
}
