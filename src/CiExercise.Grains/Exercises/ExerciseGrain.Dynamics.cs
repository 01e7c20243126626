using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Dynamics;
using Microsoft.Extensions.Logging;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// Scenario dynamics: conditional injects and services. The timeline folds the whole log in seq order from a cursor
/// (from 0 on activation, so a restart mid-wait decides as before), reads on when an organization grain says it
/// recorded something, after its own appends, and at each wake-up, and records what the rules call for, each change
/// with a dedupe key so two activations racing write it once. A scenario without dynamics costs nothing of this.
/// </summary>
public sealed partial class ExerciseGrain
{
    private const int DynamicsPage = 1000;
    // A bound on the changes one turn records (a cascade through every service, the holds it releases); a scenario
    // needs far fewer, so reaching it means rules that feed each other, and the next turn goes on.
    private const int MaxDynamicsSteps = 500;

    private ExerciseDynamics? _dynamics;

    private void StartDynamics(Scenario scenario) =>
        _dynamics = scenario.HasDynamics ? new ExerciseDynamics(scenario, id => _state?.FindInject(id)) : null;

    public Task Recorded(long seq)
    {
        // Calls that arrive while a read is under way wait their turn and find the cursor past them: a burst costs few reads.
        if (_dynamics is null || _state is null || seq <= _dynamics.Cursor || scenarios.IsReadOnly(Id)) return Task.CompletedTask;
        return FireDueAfterChange();
    }

    /// <summary>Folds the rows recorded since the cursor, in seq order.</summary>
    private async Task CatchUp(CancellationToken cancellationToken = default)
    {
        if (_dynamics is not { } dynamics) return;
        while (true)
        {
            var page = await log.ReadAsync(Id, dynamics.Cursor, DynamicsPage, cancellationToken);
            foreach (var e in page) dynamics.Apply(e);
            if (page.Count < DynamicsPage) return;
        }
    }

    /// <summary>
    /// Records what the rules call for now, in play only: the services' changes first (restores, then the earliest
    /// cascade or recovery that fell due), then the releases and cancellations of conditional injects; each step is
    /// read back before the next, since it changes what follows. True when it recorded anything.
    /// </summary>
    private async Task<bool> AdvanceDynamics(CancellationToken cancellationToken)
    {
        if (_dynamics is not { } dynamics) return false;
        await CatchUp(cancellationToken);
        for (var step = 0; step < MaxDynamicsSteps; step++)
        {
            var state = State;
            if (state.Status is not (ExerciseStatus.Running or ExerciseStatus.Paused)) return step > 0;
            var now = time.GetUtcNow();
            var scenarioNow = state.Clock.ScenarioAt(now);
            var events = dynamics.Services.Due(scenarioNow).Select(t => ServiceEvent(t, now, Actor.System)).ToList();
            if (events.Count == 0) events.AddRange(dynamics.HoldDecisions(state, scenarioNow).Select(d => HoldEvent(d, now)));
            if (events.Count == 0) return step > 0;
            await Append(events);
            await CatchUp(cancellationToken);
        }
        LogDynamicsBounded(logger, Id, MaxDynamicsSteps);
        return true;
    }

    /// <summary>The next scenario time something is due: a pending or released inject, or a rule's timed part.</summary>
    private (TimeSpan At, string? InjectId)? NextMoment(TimeSpan scenarioNow)
    {
        var inject = State.Pending.FirstOrDefault();
        var rule = _dynamics?.NextAfter(State, scenarioNow);
        if (inject is not null && (rule is null || inject.DueAt <= rule)) return (inject.DueAt, inject.Inject.Id);
        return rule is { } at ? (at, null) : null;
    }

    public async Task<ActionReceipt> ReleaseInject(Actor actor, string injectId, string? reason, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(ReleaseInject), injectId, reason));
        if (State.Keys.Find(actor, key.Id, key.Fingerprint) is { } first) return Receipt(first);
        var inject = Conditional(injectId, "released");
        var (now, scenarioNow) = Now();
        return await RecordByHand(actor, key, NewEvent(EventKind.InjectReleased, now, scenarioNow, actor,
            new InjectReleasedPayload(scenarioNow, Reason(reason, $"Released by {actor.Id}"), null, Manual: true, key.Id, key.Stored),
            injectId: inject.Id, dedupeKey: key.DedupeKey(actor)));
    }

    public async Task<ActionReceipt> CancelInject(Actor actor, string injectId, string? reason, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(CancelInject), injectId, reason));
        if (State.Keys.Find(actor, key.Id, key.Fingerprint) is { } first) return Receipt(first);
        var inject = Conditional(injectId, "cancelled");
        var (now, scenarioNow) = Now();
        return await RecordByHand(actor, key, NewEvent(EventKind.InjectCancelled, now, scenarioNow, actor,
            new InjectCancelledPayload(Reason(reason, $"Cancelled by {actor.Id}"), null, Manual: true, key.Id, key.Stored),
            injectId: inject.Id, dedupeKey: key.DedupeKey(actor)));
    }

    public async Task<ActionReceipt> SetService(Actor actor, string serviceId, ServiceStatus status, string? note, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(SetService), serviceId, status, note));
        if (State.Keys.Find(actor, key.Id, key.Fingerprint) is { } first) return Receipt(first);
        RefuseIfReadOnly();
        var service = State.Scenario.FindService(serviceId)
                      ?? throw Rules.NotFound("service.not-found", $"The exercise has no service '{serviceId}'.");
        if (status is not (ServiceStatus.Up or ServiceStatus.Degraded or ServiceStatus.Down))
            throw Rules.Invalid("service.invalid-status", "A controller sets a service down, degraded or up (restoring follows from a decision).");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > Limits.TextLength })
            throw Rules.Invalid("text.too-long", $"The note is {note.Length} characters long; at most {Limits.TextLength} are kept.");
        RefuseUnlessInPlay("set a service");
        await CatchUp();
        var from = _dynamics!.Services.StatusOf(service.Id);
        if (from == status)
            throw Rules.Conflict("service.unchanged", $"Service '{service.Id}' is already {ConditionWords.State(status)}.");
        var (now, scenarioNow) = Now();
        var change = new ServiceTransition(service.Id, from, status, ServiceCause.Controller, scenarioNow, key.DedupeKey(actor));
        return await RecordByHand(actor, key, ServiceEvent(change, now, actor, note, key));
    }

    public Task<ServiceBoard> GetServices()
    {
        var (_, scenarioNow) = Now();
        return Task.FromResult(_dynamics?.Services.Board(_dynamics.Cursor, scenarioNow) ?? new ServiceBoard(State.LastSeq, scenarioNow, []));
    }

    /// <summary>The hold of a scripted conditional inject a controller may still release or cancel.</summary>
    private Inject Conditional(string injectId, string verb)
    {
        RefuseIfReadOnly();
        var inject = State.Scenario.FindInject(injectId) ?? throw Rules.NotFound("inject.not-found", $"The exercise has no inject '{injectId}'.");
        if (inject.Hold is null)
            throw Rules.Conflict("inject.not-conditional", $"Inject '{injectId}' has no conditions: it fires at its time and cannot be {verb} by hand.");
        switch (State.StatusOf(inject))
        {
            case InjectStatus.Fired: throw Rules.Conflict("inject.already-fired", $"Inject '{injectId}' has already fired.");
            case InjectStatus.Cancelled: throw Rules.Conflict("inject.cancelled", $"Inject '{injectId}' was cancelled ({State.HoldOf(injectId)!.Reason}).");
        }
        RefuseUnlessInPlay($"have an inject {verb}");
        return inject;
    }

    private void RefuseUnlessInPlay(string what)
    {
        if (State.Status is not (ExerciseStatus.Running or ExerciseStatus.Paused))
            throw Rules.Conflict("exercise.not-in-play",
                $"An exercise that is {State.Status.ToString().ToLowerInvariant()} cannot {what}; it must be running or paused.");
    }

    private static string Reason(string? reason, string otherwise)
    {
        if (string.IsNullOrWhiteSpace(reason)) return otherwise;
        reason = reason.Trim();
        if (reason.Length > Limits.HaltReasonLength)
            throw Rules.Invalid("text.too-long", $"The reason is {reason.Length} characters long; at most {Limits.HaltReasonLength} are kept.");
        return reason;
    }

    /// <summary>Records a controller's keyed change, answers a resend with the key's first row, then lets the timeline act on it.</summary>
    private async Task<ActionReceipt> RecordByHand(Actor actor, ActionKey key, NewEvent change)
    {
        var result = (await Append([change], key))[0];
        if (result.Duplicate && State.Keys.Find(actor, key.Id, key.Fingerprint) is { } recordedFirst) return Receipt(recordedFirst);
        logger.LogInformation("Exercise {ExerciseId}: {EventKind} of {InjectId} by {ActorId}", Id, change.Kind, change.InjectId, actor.Id);
        await FireDueAfterChange();
        return new ActionReceipt(result.Seq, change.WallTime, change.ScenarioTime, result.Duplicate);
    }

    /// <summary>What an inject's effects do to services as it fires; <paramref name="planned"/> holds the batch's earlier effects.</summary>
    private IEnumerable<NewEvent> EffectEvents(Inject inject, DateTimeOffset now, TimeSpan scenarioNow, Actor actor, Dictionary<string, ServiceStatus> planned)
    {
        if (_dynamics is not { } dynamics) yield break;
        foreach (var effect in inject.Effects)
        {
            if (State.Scenario.FindService(effect.ServiceId) is null) continue;
            var from = planned.TryGetValue(effect.ServiceId, out var earlier) ? earlier : dynamics.Services.StatusOf(effect.ServiceId);
            if (from == effect.To) continue;
            planned[effect.ServiceId] = effect.To;
            yield return ServiceEvent(new ServiceTransition(effect.ServiceId, from, effect.To, ServiceCause.Inject, scenarioNow,
                $"effect:{inject.Id}:{effect.ServiceId}"), now, actor) with { InjectId = inject.Id };
        }
    }

    private NewEvent ServiceEvent(ServiceTransition change, DateTimeOffset now, Actor actor, string? note = null, ActionKey? key = null) =>
        NewEvent(EventKind.ServiceChanged, now, change.At, actor,
            new ServiceChangedPayload(change.ServiceId, change.From, change.To, change.Cause, change.CauseServiceId, change.DecisionSeq,
                note, key?.Id, key?.Stored),
            dedupeKey: change.DedupeKey);

    private NewEvent HoldEvent(HoldDecision decision, DateTimeOffset now) => decision.Release
        ? NewEvent(EventKind.InjectReleased, now, decision.At, Actor.System,
            new InjectReleasedPayload(decision.DueAt!.Value, decision.Reason, decision.TriggerSeq, Manual: false),
            injectId: decision.InjectId, dedupeKey: $"released:{decision.InjectId}")
        : NewEvent(EventKind.InjectCancelled, now, decision.At, Actor.System,
            new InjectCancelledPayload(decision.Reason, decision.TriggerSeq, Manual: false),
            injectId: decision.InjectId, dedupeKey: $"cancelled:{decision.InjectId}");

    private (DateTimeOffset Wall, TimeSpan Scenario) Now()
    {
        var now = time.GetUtcNow();
        return (now, State.Clock.ScenarioAt(now));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exercise {ExerciseId}: the rules called for {Steps} changes in one turn; the next turn goes on")]
    private static partial void LogDynamicsBounded(ILogger logger, string exerciseId, int steps);
}
