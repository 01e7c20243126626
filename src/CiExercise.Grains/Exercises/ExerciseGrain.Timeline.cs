using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;
using Microsoft.Extensions.Logging;

namespace CiExercise.Grains.Exercises;

public sealed partial class ExerciseGrain
{
    public Task FireDue()
    {
        if (_state is null) return Task.CompletedTask;
        // The wake-up that called this has been used up, even if it came a moment early.
        _wakeupAt = null;
        return FireDueCore(CancellationToken.None);
    }

    public async Task<InjectState> FireAdHoc(Actor actor, AdHocInject draft) => (await FireAdHoc(actor, draft, null)).Inject;

    public async Task<AdHocAnswer> FireAdHoc(Actor actor, AdHocInject draft, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(FireAdHoc), draft));
        if (FirstAdHoc(actor, key) is { } replayed) return replayed;
        var state = State;
        if (state.Status != ExerciseStatus.Running)
            throw Rules.Conflict("exercise.not-running", $"An ad-hoc inject is fired at once, so the exercise must be running (it is {state.Status.ToString().ToLowerInvariant()}).");
        var now = time.GetUtcNow();
        var inject = new Inject($"adhoc-{state.AdHocCount + 1}", state.Clock.ScenarioAt(now), draft.Recipients, draft.From,
            draft.Channel, draft.Title, draft.Body, draft.ExpectedAction, draft.ResponseWindow, draft.Objectives, draft.Choices);
        AdHocRules.Check(state.Scenario, inject);
        var added = NewEvent(EventKind.AdHocInjectAdded, now, inject.At, actor,
            new AdHocInjectAddedPayload(inject, key.Id, key.Stored), injectId: inject.Id, dedupeKey: key.DedupeKey(actor));
        if (!await Fire([inject], now, added, actor, key)) return FirstAdHoc(actor, key)!;
        logger.LogInformation("Exercise {ExerciseId}: ad-hoc inject {InjectId} fired by {ActorId}", Id, inject.Id, actor.Id);
        return new AdHocAnswer(state.ToState(inject), Replayed: false);
    }

    /// <summary>A resend's answer: the state of the inject the key fired first; null when the key fired none.</summary>
    private AdHocAnswer? FirstAdHoc(Actor actor, ActionKey key) =>
        State.Keys.Find(actor, key.Id, key.Fingerprint) is { InjectId: { } injectId } && State.FindInject(injectId) is { } inject
            ? new AdHocAnswer(State.ToState(inject), Replayed: true) : null;

    /// <summary>
    /// Fires every scripted inject whose scenario time has come, then asks for a wake-up at the next one.
    /// Safe to call any number of times: fired injects are in the state, and the log refuses a second
    /// delivery row for the same inject and organization even if two activations race.
    /// </summary>
    private async Task FireDueCore(CancellationToken cancellationToken)
    {
        // With dynamics, firing can release or cancel injects and change services, which can release more: until
        // nothing more is due (bounded, as AdvanceDynamics is).
        for (var round = 0; round < MaxDynamicsSteps; round++)
        {
            var acted = await AdvanceDynamics(cancellationToken);
            var fired = false;
            if (State.Status == ExerciseStatus.Running)
            {
                var now = time.GetUtcNow();
                var scenarioNow = State.Clock.ScenarioAt(now);
                var due = State.Pending.TakeWhile(p => p.DueAt <= scenarioNow).Select(p => p.Inject).ToArray();
                if (due.Length > 0) fired = await Fire(due, now, first: null, Actor.System);
            }
            if (_dynamics is null || !(acted || fired)) break;
        }
        await ScheduleNextWakeup(cancellationToken);
    }

    /// <summary>Records and announces the injects; false when the first event was a keyed action the log already had.</summary>
    private async Task<bool> Fire(IReadOnlyList<Inject> injects, DateTimeOffset now, NewEvent? first, Actor actor, ActionKey? key = null)
    {
        var state = State;
        var scenarioNow = state.Clock.ScenarioAt(now);
        var events = new List<NewEvent>();
        if (first is not null) events.Add(first);
        var planned = new Dictionary<string, ServiceStatus>();
        foreach (var inject in injects)
        {
            var dueAt = state.Clock.ReachedAt(state.DueAt(inject.Id) ?? inject.At, now) ?? now;
            var lateness = now > dueAt ? now - dueAt : TimeSpan.Zero;
            var late = lateness > options.Value.LateAfter;
            var targets = state.Scenario.ResolveRecipients(inject.Recipients);
            var adHoc = first is not null;
            events.Add(NewEvent(EventKind.InjectFired, now, scenarioNow, actor,
                new InjectFiredPayload(dueAt, lateness, late, adHoc, targets.Select(t => t.OrganizationId).ToArray()),
                injectId: inject.Id, dedupeKey: $"fired:{inject.Id}"));
            var respondBy = inject.ResponseWindow is { } window ? scenarioNow + window : (TimeSpan?)null;
            foreach (var target in targets)
                events.Add(NewEvent(EventKind.InjectDelivered, now, scenarioNow, actor,
                    new InjectDeliveredPayload(target.Roles, inject.Channel, respondBy, inject.Choices.Select(c => c.Id).ToArray(), late, lateness),
                    target.OrganizationId, inject.Id, $"delivered:{inject.Id}:{target.OrganizationId}"));
            events.AddRange(EffectEvents(inject, now, scenarioNow, actor, planned));
            if (late)
                logger.LogWarning("Exercise {ExerciseId}: inject {InjectId} fired late by {Lateness}", Id, inject.Id, lateness);
        }
        var results = await Append(events, key);
        if (key is { Id: not null } && results[0].Duplicate) return false;
        NotifyOrganizations(events, results);
        return true;
    }

    /// <summary>
    /// Tells each organization grain what reached it, without waiting: the calls are one-way, so 850
    /// organizations activating at an all-hands inject do not hold the timeline (or a pause, or a halt)
    /// up. The rows are already durable, so a lost notification loses nothing: an organization grain
    /// rebuilds from the log on activation and reads it again when it misses a delivery.
    /// </summary>
    private void NotifyOrganizations(IReadOnlyList<NewEvent> events, IReadOnlyList<AppendResult> results)
    {
        var byOrganization = events
            .Select((e, i) => (Event: e, Result: results[i]))
            .Where(x => x.Event.Kind == EventKind.InjectDelivered && !x.Result.Duplicate)
            .GroupBy(x => x.Event.OrganizationId!, x => x.Event.Recorded(Id, x.Result.Seq));
        foreach (var deliveries in byOrganization)
            _ = GrainFactory.GetGrain<IOrganizationGrain>(OrganizationKey.Of(Id, deliveries.Key)).Delivered(deliveries.ToArray());
    }
}
