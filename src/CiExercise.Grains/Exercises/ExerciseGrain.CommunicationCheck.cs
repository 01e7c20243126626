using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Grains.CommunicationChecks;
using Microsoft.Extensions.Logging;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// Communication checks: a message from the control cell down the reporting chain (or to everyone at once)
/// that each organization acknowledges. Allowed before play starts, which is when checks are usually run.
/// </summary>
public sealed partial class ExerciseGrain
{
    public async Task<CheckStarted> StartCommunicationCheck(Actor actor, CheckRoute route, string message, string? clientActionId)
    {
        var state = State;
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(StartCommunicationCheck), route, message));
        if (FirstCheck(actor, key) is { } replayed) return replayed;
        CheckNotStopped(state.Status);
        if (!Enum.IsDefined(route)) throw Rules.Invalid("check.route-unknown", $"Route {route} is neither chain nor everyone.");
        if (string.IsNullOrWhiteSpace(message)) throw Rules.Invalid("check.message-required", "A communication check needs a message.");
        if (message.Length > CheckLimits.MaxMessageLength)
            throw Rules.Invalid("text.too-long", $"The message is {message.Length} characters long; at most {CheckLimits.MaxMessageLength} are kept.");
        if (state.Checks.OpenCount >= CheckLimits.MaxOpen)
            throw Rules.Conflict("check.too-many-open", $"{CheckLimits.MaxOpen} checks are open already; close one before starting another.");
        if (state.Checks.Count >= CheckLimits.MaxPerExercise)
            throw Rules.Conflict("check.too-many", $"This exercise has had {CheckLimits.MaxPerExercise} communication checks, the most it keeps.");
        var targets = CheckPlan.Targets(state.Scenario, route);
        if (targets.Count == 0)
            throw Rules.Conflict("check.no-organizations", route == CheckRoute.Chain
                ? "No ministry has an organization played by participants below it, so a check down the chain reaches nobody."
                : "Every organization is played by the control cell, so a check reaches nobody.");

        var checkId = $"check-{state.Checks.Count + 1}";
        var now = time.GetUtcNow();
        var scenarioNow = state.Clock.ScenarioAt(now);
        message = message.Trim();
        var events = new List<NewEvent>
        {
            NewEvent(EventKind.CommunicationCheckStarted, now, scenarioNow, actor,
                new CommunicationCheckStartedPayload(checkId, route, message, targets, key.Id, key.Stored), dedupeKey: $"comcheck:{checkId}:started"),
        };
        events.AddRange(targets.Where(t => t.Via is null).Select(t => NewEvent(EventKind.CommunicationCheckReceived, now, scenarioNow, actor,
            new CommunicationCheckReceivedPayload(checkId, route, message, null, CheckPlan.PassOnTo(targets, t.OrganizationId)),
            t.OrganizationId, dedupeKey: $"comcheck:{checkId}:received:{t.OrganizationId}")));
        var results = await Append(events);
        if (results[0].Duplicate && FirstCheck(actor, key) is { } recorded) return recorded;
        await NotifyCheckReceived(events, results);
        logger.LogInformation("Exercise {ExerciseId}: communication check {CheckId} ({Route}) to {Targets} organizations started by {ActorId}",
            Id, checkId, route, targets.Count, actor.Id);
        return new CheckStarted(checkId, results[0].Seq, now, targets.Count, events.Count - 1, results[0].Duplicate);
    }

    public async Task<ActionReceipt> CloseCommunicationCheck(Actor actor, string checkId, string? clientActionId)
    {
        var state = State;
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(CloseCommunicationCheck), checkId));
        if (state.Keys.Find(actor, key.Id, key.Fingerprint) is { } first) return Receipt(first);
        if (!state.Checks.Exists(checkId)) throw Rules.NotFound("check.not-found", $"The exercise has no communication check '{checkId}'.");
        if (!state.Checks.IsOpen(checkId)) throw Rules.Conflict("check.closed", $"Communication check '{checkId}' is already closed.");
        var now = time.GetUtcNow();
        var scenarioNow = state.Clock.ScenarioAt(now);
        var result = (await Append([NewEvent(EventKind.CommunicationCheckClosed, now, scenarioNow, actor,
            new CommunicationCheckClosedPayload(checkId, key.Id, key.Stored), dedupeKey: $"comcheck:{checkId}:closed")]))[0];
        logger.LogInformation("Exercise {ExerciseId}: communication check {CheckId} closed by {ActorId}", Id, checkId, actor.Id);
        return new ActionReceipt(result.Seq, now, scenarioNow, result.Duplicate);
    }

    /// <summary>A resend's answer: the check the key started first; null when the key started none.</summary>
    private CheckStarted? FirstCheck(Actor actor, ActionKey key) =>
        State.Keys.Find(actor, key.Id, key.Fingerprint) is { } first && State.Checks.Started(first.Seq) is { } check
            ? new CheckStarted(check.CheckId, check.Seq, check.At, check.Targets, 0, Duplicate: true) : null;

    public Task<CheckWindow> GetCheckWindow(string checkId)
    {
        var state = State;
        var availability = state.Status is ExerciseStatus.Ended or ExerciseStatus.Halted ? CheckAvailability.Stopped
            : !state.Checks.Exists(checkId) ? CheckAvailability.Unknown
            : state.Checks.IsOpen(checkId) ? CheckAvailability.Open : CheckAvailability.Closed;
        return Task.FromResult(new CheckWindow(availability, state.Clock.Snapshot(state.Status)));
    }

    private static void CheckNotStopped(ExerciseStatus status)
    {
        if (status is ExerciseStatus.Ended or ExerciseStatus.Halted)
            throw Rules.Conflict("exercise.invalid-state", $"No communication check while the exercise is {status.ToString().ToLowerInvariant()}.");
    }

    /// <summary>As NotifyOrganizations for deliveries: the rows are durable, so a missed notice only delays the console's view.</summary>
    private async Task NotifyCheckReceived(IReadOnlyList<NewEvent> events, IReadOnlyList<AppendResult> results)
    {
        var received = events.Select((e, i) => (Event: e, Result: results[i]))
            .Where(x => x.Event.Kind == EventKind.CommunicationCheckReceived && !x.Result.Duplicate);
        try
        {
            await Task.WhenAll(received.Select(x => GrainFactory.GetGrain<IOrganizationGrain>(OrganizationKey.Of(Id, x.Event.OrganizationId!))
                .CheckReceived([x.Event.Recorded(Id, x.Result.Seq)])));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Exercise {ExerciseId}: an organization grain was not told of a communication check; it will read it from the log", Id);
        }
    }
}
