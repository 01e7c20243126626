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
}
