using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Scenarios;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// The timeline of one exercise: lifecycle, clock and injects. It keeps no grain state of its own;
/// it is rebuilt from the exercise-level events of the log, and every change is appended there first.
/// </summary>
public sealed partial class ExerciseGrain(
    IEventLog log,
    IExerciseCatalog catalog,
    ExerciseScenarios scenarios,
    IWakeupScheduler wakeups,
    TimeProvider time,
    IOptions<EngineOptions> options,
    ILogger<ExerciseGrain> logger) : Grain, IExerciseGrain
{
    private ExerciseState? _state;

    private string Id => this.GetPrimaryKeyString();

    private ExerciseState State => _state ?? throw NotFound();

    /// <summary>
    /// No such exercise, for now: the activation goes once idle, so that an exercise created or imported under this
    /// id later (an import writes the catalog directly) is read afresh rather than answered "not found" from memory.
    /// </summary>
    private ExerciseRuleException NotFound()
    {
        DeactivateOnIdle();
        return Rules.NotFound("exercise.not-found", $"There is no exercise '{Id}'.");
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var state = await LoadAsync(cancellationToken);
        if (state is null) return;
        _state = state;
        StartDynamics(state.Scenario);
        await CatchUp(cancellationToken);
        // Injects that fell due while no activation existed (a restart, a lost node) fire at once, as a
        // turn of their own: firing calls organization grains, which activation must not wait on.
        if (state.Status == ExerciseStatus.Running && !scenarios.IsReadOnly(Id))
            this.RegisterGrainTimer(FireDueCore, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    public async Task<ExerciseView> Create(string name, Scenario scenario, Actor actor)
    {
        if (_state is not null) throw Rules.Conflict("exercise.exists", $"An exercise with id '{Id}' already exists.");
        if (string.IsNullOrWhiteSpace(name)) throw Rules.Invalid("exercise.name-required", "An exercise needs a name.");
        var now = time.GetUtcNow();
        var created = NewEvent(EventKind.ExerciseCreated, now, TimeSpan.Zero, actor, new ExerciseCreatedPayload(name, scenario.Id));
        var record = new ExerciseRecord(Id, name.Trim(), scenario.Id, ScenarioJson.Serialize(scenario), now);
        try
        {
            await catalog.CreateAsync(record, created);
        }
        catch (ExerciseAlreadyExistsException)
        {
            throw Rules.Conflict("exercise.exists", $"An exercise with id '{Id}' already exists.");
        }
        scenarios.Add(Id, scenario);
        _state = new ExerciseState(Id, record.Name, scenario);
        _state.Apply(created.Recorded(Id, 1));
        StartDynamics(scenario);
        logger.LogInformation("Exercise {ExerciseId} created from scenario {ScenarioId} by {ActorId}", Id, scenario.Id, actor.Id);
        return View();
    }

    /// <summary>The exercise as its catalog row and exercise-level events say it is; null when there is none.</summary>
    private async Task<ExerciseState?> LoadAsync(CancellationToken cancellationToken)
    {
        var record = await catalog.GetAsync(Id, cancellationToken);
        if (record is null) return null;
        var state = new ExerciseState(record.Id, record.Name, scenarios.Of(record));
        foreach (var e in await log.ReadExerciseLevelAsync(Id, cancellationToken)) state.Apply(e);
        return state;
    }

    public Task<ExerciseView> GetView() => Task.FromResult(View());

    public Task<ClockSnapshot> GetClock() => Task.FromResult(State.Clock.Snapshot(State.Status) with { AsOfSeq = State.LastSeq });

    public Task<ExerciseView> Start(Actor actor) => Run(actor, new ControlCommand(ControlVerb.Start));

    public Task<ExerciseView> Pause(Actor actor) => Run(actor, new ControlCommand(ControlVerb.Pause));

    public Task<ExerciseView> Resume(Actor actor) => Run(actor, new ControlCommand(ControlVerb.Resume));

    public Task<ExerciseView> End(Actor actor) => Run(actor, new ControlCommand(ControlVerb.End));

    public Task<ExerciseView> LiftHalt(Actor actor) => Run(actor, new ControlCommand(ControlVerb.LiftHalt));

    public Task<ExerciseView> Halt(Actor actor, string reason) => Run(actor, new ControlCommand(ControlVerb.Halt, Reason: reason));

    public Task<ExerciseView> SetSpeed(Actor actor, double speed) => Run(actor, new ControlCommand(ControlVerb.SetSpeed, Speed: speed));

    public Task<ExerciseView> JumpToPhase(Actor actor, string phaseId) =>
        Run(actor, new ControlCommand(ControlVerb.JumpToPhase, PhaseId: phaseId));

    public Task<ExerciseView> JumpToNextInject(Actor actor) => Run(actor, new ControlCommand(ControlVerb.JumpToNextInject));

    private async Task<ExerciseView> Run(Actor actor, ControlCommand command) => (await Control(actor, command, null)).View;

    public Task<CommandAnswer> Control(Actor actor, ControlCommand command, string? clientActionId)
    {
        RefuseIfReadOnly();
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(Control), command));
        if (State.Keys.Find(actor, key.Id, key.Fingerprint) is not null) return Task.FromResult(new CommandAnswer(View(), Replayed: true));
        Func<ClockPayload, ClockPayload> same = payload => payload;
        return command.Verb switch
        {
            ControlVerb.Start => Command(actor, key, EventKind.ExerciseStarted, [ExerciseStatus.Draft], same),
            ControlVerb.Pause => Command(actor, key, EventKind.ExercisePaused, [ExerciseStatus.Running], same),
            ControlVerb.Resume => Command(actor, key, EventKind.ExerciseResumed, [ExerciseStatus.Paused], same),
            ControlVerb.End => Command(actor, key, EventKind.ExerciseEnded,
                [ExerciseStatus.Draft, ExerciseStatus.Running, ExerciseStatus.Paused], same),
            ControlVerb.LiftHalt => Command(actor, key, EventKind.RealWorldHaltLifted, [ExerciseStatus.Halted], same),
            ControlVerb.Halt => Halt(actor, key, command.Reason),
            ControlVerb.SetSpeed => SetSpeed(actor, key, command.Speed),
            ControlVerb.JumpToPhase => JumpToPhase(actor, key, command.PhaseId),
            ControlVerb.JumpToNextInject => JumpToNextInject(actor, key),
            _ => throw Rules.Invalid("control.unknown-command", $"There is no control command {command.Verb}."),
        };
    }

    private Task<CommandAnswer> Halt(Actor actor, ActionKey key, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw Rules.Invalid("halt.reason-required", "A real-world halt needs a reason that every console will show.");
        return Command(actor, key, EventKind.RealWorldHaltDeclared,
            [ExerciseStatus.Draft, ExerciseStatus.Running, ExerciseStatus.Paused], payload => payload with { Reason = reason.Trim() });
    }

    private Task<CommandAnswer> SetSpeed(Actor actor, ActionKey key, double? speed)
    {
        if (speed is not { } factor || !Clock.ExerciseClock.IsValidSpeed(factor))
            throw Rules.Invalid("clock.speed-out-of-range", $"Speed {speed} is outside {Clock.ExerciseClock.MinSpeed} to {Clock.ExerciseClock.MaxSpeed}.");
        return Command(actor, key, EventKind.SpeedChanged,
            [ExerciseStatus.Draft, ExerciseStatus.Running, ExerciseStatus.Paused], payload => payload with { Speed = factor });
    }

    private Task<CommandAnswer> JumpToPhase(Actor actor, ActionKey key, string? phaseId)
    {
        var phase = State.Scenario.Phases.FirstOrDefault(p => p.Id == phaseId)
                    ?? throw Rules.NotFound("phase.not-found", $"The scenario has no phase '{phaseId}'.");
        return JumpTo(actor, key, phase.Start, payload => payload with { PhaseId = phase.Id });
    }

    private Task<CommandAnswer> JumpToNextInject(Actor actor, ActionKey key)
    {
        // The next moment something is due: a pending or released inject, or a timed part of the dynamics.
        var next = NextMoment(State.Clock.ScenarioAt(time.GetUtcNow()))
                   ?? throw Rules.Conflict("clock.no-next-inject", "Every scripted inject has already been fired, and no condition or service waits for a time.");
        return JumpTo(actor, key, next.At, payload => payload with { InjectId = next.InjectId });
    }

    private Task<CommandAnswer> JumpTo(Actor actor, ActionKey key, TimeSpan to, Func<ClockPayload, ClockPayload> describe)
    {
        var now = State.Clock.ScenarioAt(time.GetUtcNow());
        if (to < now)
            throw Rules.Conflict("clock.jump-backwards", $"Scenario time is already {now:c}; a jump only goes forward (to {to:c} was asked).");
        return Command(actor, key, EventKind.ClockJumped, [ExerciseStatus.Running, ExerciseStatus.Paused],
            payload => describe(payload with { JumpedTo = to }));
    }

    /// <summary>Records one lifecycle or clock event, applies it, then fires what it made due.</summary>
    private async Task<CommandAnswer> Command(
        Actor actor, ActionKey key, EventKind kind, ExerciseStatus[] allowedFrom, Func<ClockPayload, ClockPayload> payload)
    {
        var state = State;
        if (!allowedFrom.Contains(state.Status))
            throw Rules.Conflict("exercise.invalid-state",
                $"Cannot {Verb(kind)} an exercise that is {state.Status.ToString().ToLowerInvariant()}; it must be {string.Join(" or ", allowedFrom.Select(s => s.ToString().ToLowerInvariant()))}.");
        var now = time.GetUtcNow();
        var body = payload(new ClockPayload(state.Clock.Speed)) with { ClientActionId = key.Id, Fingerprint = key.Stored };
        var results = await Append([NewEvent(kind, now, state.Clock.ScenarioAt(now), actor, body, dedupeKey: key.DedupeKey(actor))], key);
        if (results[0].Duplicate && key.Id is not null) return new CommandAnswer(View(), Replayed: true);
        logger.LogInformation("Exercise {ExerciseId}: {EventKind} by {ActorId}", Id, kind, actor.Id);
        await FireDueAfterChange();
        return new CommandAnswer(View(), Replayed: false);
    }

    private static string Verb(EventKind kind) => kind switch
    {
        EventKind.ExerciseStarted => "start",
        EventKind.ExercisePaused => "pause",
        EventKind.ExerciseResumed => "resume",
        EventKind.ExerciseEnded => "end",
        EventKind.RealWorldHaltDeclared => "halt",
        EventKind.RealWorldHaltLifted => "lift the halt of",
        EventKind.SpeedChanged => "change the speed of",
        EventKind.ClockJumped => "jump the clock of",
        _ => kind.ToString(),
    };

    private ExerciseView View()
    {
        var now = time.GetUtcNow();
        if (_dynamics is not { } dynamics) return State.ToView(now);
        var scenarioNow = State.Clock.ScenarioAt(now);
        return State.ToView(now, inject => dynamics.HoldView(inject, State, scenarioNow));
    }

    /// <summary>
    /// Appends events, then applies them with the sequence numbers the log gave them. When the first event is a
    /// keyed action the log already had (another activation recorded the same key first), the state is read
    /// from the log again instead, and the caller answers from it: the key's first row is the answer.
    /// </summary>
    private async Task<IReadOnlyList<AppendResult>> Append(IReadOnlyList<NewEvent> events, ActionKey? key = null)
    {
        RefuseIfReadOnly();
        var results = await log.AppendAsync(Id, events);
        EngineMetrics.Count(events, results);
        if (key is { Id: not null } keyed && results[0].Duplicate)
        {
            _state = await LoadAsync(CancellationToken.None);
            State.Keys.Find(events[0].Actor, keyed.Id, keyed.Fingerprint);
            return results;
        }
        for (var i = 0; i < events.Count; i++)
            if (events[i].OrganizationId is null) State.Apply(events[i].Recorded(Id, results[i].Seq));
        // The dynamics read the record in seq order, so they read on from the cursor (a turn of its own: see Recorded).
        if (_dynamics is not null && results.Count > 0) this.AsReference<IExerciseGrain>().Recorded(results.Max(r => r.Seq)).Ignore();
        return results;
    }

    /// <summary>An imported exercise is a record to review: every command and action is refused before it is checked further.</summary>
    private void RefuseIfReadOnly()
    {
        if (scenarios.IsReadOnly(Id))
            throw Rules.Conflict("exercise.read-only", $"Exercise '{Id}' was imported from another server's export: it is a record to review and takes no commands or actions.");
    }

    private static NewEvent NewEvent<T>(
        EventKind kind, DateTimeOffset wall, TimeSpan scenario, Actor actor, T payload,
        string? organizationId = null, string? injectId = null, string? dedupeKey = null) =>
        new(kind, wall, scenario, organizationId, actor, injectId, null, ScenarioJson.Serialize(payload), dedupeKey);
}
