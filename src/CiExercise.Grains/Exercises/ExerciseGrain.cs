using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
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

    private ExerciseState State => _state ?? throw Rules.NotFound("exercise.not-found", $"There is no exercise '{Id}'.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var record = await catalog.GetAsync(Id, cancellationToken);
        if (record is null) return;
        var state = new ExerciseState(record.Id, record.Name, scenarios.Of(record));
        foreach (var e in await log.ReadExerciseLevelAsync(Id, cancellationToken)) state.Apply(e);
        _state = state;
        // Injects that fell due while no activation existed (a restart, a lost node) fire at once, as a
        // turn of their own: firing calls organization grains, which activation must not wait on.
        if (state.Status == ExerciseStatus.Running)
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
        logger.LogInformation("Exercise {ExerciseId} created from scenario {ScenarioId} by {ActorId}", Id, scenario.Id, actor.Id);
        return View();
    }

    public Task<ExerciseView> GetView() => Task.FromResult(View());

    public Task<ClockSnapshot> GetClock() => Task.FromResult(State.Clock.Snapshot(State.Status) with { AsOfSeq = State.LastSeq });

    public Task<ExerciseView> Start(Actor actor) =>
        Command(actor, EventKind.ExerciseStarted, ExerciseStatus.Draft);

    public Task<ExerciseView> Pause(Actor actor) =>
        Command(actor, EventKind.ExercisePaused, ExerciseStatus.Running);

    public Task<ExerciseView> Resume(Actor actor) =>
        Command(actor, EventKind.ExerciseResumed, ExerciseStatus.Paused);

    public Task<ExerciseView> End(Actor actor) =>
        Command(actor, EventKind.ExerciseEnded, ExerciseStatus.Draft, ExerciseStatus.Running, ExerciseStatus.Paused);

    public Task<ExerciseView> LiftHalt(Actor actor) =>
        Command(actor, EventKind.RealWorldHaltLifted, ExerciseStatus.Halted);

    public Task<ExerciseView> Halt(Actor actor, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw Rules.Invalid("halt.reason-required", "A real-world halt needs a reason that every console will show.");
        return Command(actor, EventKind.RealWorldHaltDeclared,
            [ExerciseStatus.Draft, ExerciseStatus.Running, ExerciseStatus.Paused], payload => payload with { Reason = reason.Trim() });
    }

    public Task<ExerciseView> SetSpeed(Actor actor, double speed)
    {
        if (!Clock.ExerciseClock.IsValidSpeed(speed))
            throw Rules.Invalid("clock.speed-out-of-range", $"Speed {speed} is outside {Clock.ExerciseClock.MinSpeed} to {Clock.ExerciseClock.MaxSpeed}.");
        return Command(actor, EventKind.SpeedChanged,
            [ExerciseStatus.Draft, ExerciseStatus.Running, ExerciseStatus.Paused], payload => payload with { Speed = speed });
    }

    public Task<ExerciseView> JumpToPhase(Actor actor, string phaseId)
    {
        var phase = State.Scenario.Phases.FirstOrDefault(p => p.Id == phaseId)
                    ?? throw Rules.NotFound("phase.not-found", $"The scenario has no phase '{phaseId}'.");
        return JumpTo(actor, phase.Start, payload => payload with { PhaseId = phase.Id });
    }

    public Task<ExerciseView> JumpToNextInject(Actor actor)
    {
        var next = State.Pending.FirstOrDefault()
                   ?? throw Rules.Conflict("clock.no-next-inject", "Every scripted inject has already been fired.");
        return JumpTo(actor, next.At, payload => payload with { InjectId = next.Id });
    }

    private Task<ExerciseView> JumpTo(Actor actor, TimeSpan to, Func<ClockPayload, ClockPayload> describe)
    {
        var now = State.Clock.ScenarioAt(time.GetUtcNow());
        if (to < now)
            throw Rules.Conflict("clock.jump-backwards", $"Scenario time is already {now:c}; a jump only goes forward (to {to:c} was asked).");
        return Command(actor, EventKind.ClockJumped, [ExerciseStatus.Running, ExerciseStatus.Paused],
            payload => describe(payload with { JumpedTo = to }));
    }

    private Task<ExerciseView> Command(Actor actor, EventKind kind, params ExerciseStatus[] allowedFrom) =>
        Command(actor, kind, allowedFrom, payload => payload);

    /// <summary>Records one lifecycle or clock event, applies it, then fires what it made due.</summary>
    private async Task<ExerciseView> Command(
        Actor actor, EventKind kind, ExerciseStatus[] allowedFrom, Func<ClockPayload, ClockPayload> payload)
    {
        var state = State;
        if (!allowedFrom.Contains(state.Status))
            throw Rules.Conflict("exercise.invalid-state",
                $"Cannot {Verb(kind)} an exercise that is {state.Status.ToString().ToLowerInvariant()}; it must be {string.Join(" or ", allowedFrom.Select(s => s.ToString().ToLowerInvariant()))}.");
        var now = time.GetUtcNow();
        var body = payload(new ClockPayload(state.Clock.Speed));
        await Append([NewEvent(kind, now, state.Clock.ScenarioAt(now), actor, body)]);
        logger.LogInformation("Exercise {ExerciseId}: {EventKind} by {ActorId}", Id, kind, actor.Id);
        await FireDueAfterChange();
        return View();
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

    private ExerciseView View() => State.ToView(time.GetUtcNow());

    /// <summary>Appends events, then applies them with the sequence numbers the log gave them.</summary>
    private async Task<IReadOnlyList<AppendResult>> Append(IReadOnlyList<NewEvent> events)
    {
        var results = await log.AppendAsync(Id, events);
        EngineMetrics.Count(events, results);
        for (var i = 0; i < events.Count; i++)
            if (events[i].OrganizationId is null) State.Apply(events[i].Recorded(Id, results[i].Seq));
        return results;
    }


    private static NewEvent NewEvent<T>(
        EventKind kind, DateTimeOffset wall, TimeSpan scenario, Actor actor, T payload,
        string? organizationId = null, string? injectId = null, string? dedupeKey = null) =>
        new(kind, wall, scenario, organizationId, actor, injectId, null, ScenarioJson.Serialize(payload), dedupeKey);
}
