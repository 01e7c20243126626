using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.CommunicationChecks;
using Microsoft.Extensions.Logging;

namespace CiExercise.Grains.Organizations;

/// <summary>
/// An organization's answers to communication checks: acknowledging one, and passing it on down the reporting
/// chain. Unlike play, these are allowed in draft: checks are run before exercise day.
/// </summary>
public sealed partial class OrganizationGrain
{
    public Task CheckReceived(IReadOnlyList<ExerciseEvent> received) =>
        Arrived(state =>
        {
            foreach (var e in received) state.Apply(e);
        });

    public async Task<ActionReceipt> AcknowledgeCheck(Actor actor, string checkId, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(AcknowledgeCheck), checkId));
        if (Replayed(key) is { } replayed) return replayed;
        var check = await ReceivedCheck(actor, checkId);
        if (check.Acknowledgement is { } first) return first with { Duplicate = true };
        var now = await OpenCheckNow(checkId);
        return await Record(null, CheckAcknowledgement(actor, check, now, key));
    }

    public async Task<ActionReceipt> PassOnCheck(Actor actor, string checkId, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(PassOnCheck), checkId));
        if (Replayed(key) is { } replayed) return replayed;
        var check = await ReceivedCheck(actor, checkId);
        if (check.PassedOn is { } first) return first with { Duplicate = true };
        if (check.PassOnTo.Count == 0)
            throw Rules.Invalid("check.nothing-to-pass-on", $"{_organizationId} has nobody to pass check '{checkId}' on to; acknowledge it instead.");
        var now = await OpenCheckNow(checkId);
        var targets = CheckPlan.Targets(_scenario!, check.Route);
        var events = new List<NewEvent>();
        if (check.Acknowledgement is null) events.Add(CheckAcknowledgement(actor, check, now, key: null));
        events.Add(new NewEvent(EventKind.CommunicationCheckPassedOn, now.Wall, now.Scenario, _organizationId, actor, null, check.ReceivedSeq,
            ScenarioJson.Serialize(new CommunicationCheckAnswerPayload(checkId, check.PassOnTo, ClientActionId: key.Id, Fingerprint: key.Stored)),
            $"comcheck:{checkId}:passed:{_organizationId}"));
        var passedAt = events.Count - 1;
        events.AddRange(check.PassOnTo.Select(to => new NewEvent(EventKind.CommunicationCheckReceived, now.Wall, now.Scenario, to, actor, null,
            check.ReceivedSeq, ScenarioJson.Serialize(new CommunicationCheckReceivedPayload(checkId, check.Route, check.Message, _organizationId,
                CheckPlan.PassOnTo(targets, to))),
            $"comcheck:{checkId}:received:{to}")));
        var results = await log.AppendAsync(_exerciseId, events);
        for (var i = 0; i <= passedAt; i++)
            if (!results[i].Duplicate) _state.Apply(events[i].Recorded(_exerciseId, results[i].Seq));
        await Task.WhenAll(Enumerable.Range(passedAt + 1, events.Count - passedAt - 1).Where(i => !results[i].Duplicate)
            .Select(i => TellCheck(events[i].Recorded(_exerciseId, results[i].Seq))));
        logger.LogDebug("Exercise {ExerciseId}: {OrgId} passed check {CheckId} on to {Recipients}", _exerciseId, _organizationId, checkId, check.PassOnTo);
        return new ActionReceipt(results[passedAt].Seq, now.Wall, now.Scenario, results[passedAt].Duplicate);
    }

    private async Task TellCheck(ExerciseEvent received)
    {
        try
        {
            await GrainFactory.GetGrain<IOrganizationGrain>(OrganizationKey.Of(_exerciseId, received.OrganizationId!)).CheckReceived([received]);
        }
        catch (Exception ex)
        {
            // The row is durable; the recipient reads it from the log when it next activates or reloads.
            logger.LogWarning(ex, "Exercise {ExerciseId}: {OrgId} was not told of check row {Seq}", _exerciseId, received.OrganizationId, received.Seq);
        }
    }

    /// <summary>A check's acknowledgement row; implicit (recorded because it was passed on) when it has no key of its own.</summary>
    private NewEvent CheckAcknowledgement(Actor actor, ReceivedCheck check, (DateTimeOffset Wall, TimeSpan Scenario) now, ActionKey? key) =>
        new(EventKind.CommunicationCheckAcknowledged, now.Wall, now.Scenario, _organizationId, actor, null, check.ReceivedSeq,
            ScenarioJson.Serialize(new CommunicationCheckAnswerPayload(check.CheckId, Implicit: key is null, ClientActionId: key?.Id,
                Fingerprint: key?.Stored)),
            $"comcheck:{check.CheckId}:ack:{_organizationId}");

    private async Task<ReceivedCheck> ReceivedCheck(Actor actor, string checkId)
    {
        CheckActor(actor);
        var check = _state.Checks.Find(checkId);
        if (check is null)
        {
            // A notice may have been lost with a node; the log is the record.
            await Reload(CancellationToken.None);
            check = _state.Checks.Find(checkId)
                    ?? throw Rules.NotFound("check.not-received", $"Communication check '{checkId}' has not reached {_organizationId}.");
        }
        return check;
    }

    /// <summary>Now, on the exercise's clock, once the exercise says the check may still be answered.</summary>
    private async Task<(DateTimeOffset Wall, TimeSpan Scenario)> OpenCheckNow(string checkId)
    {
        var window = await Exercise.GetCheckWindow(checkId);
        return window.Availability switch
        {
            CheckAvailability.Open => Now(window.Clock),
            CheckAvailability.Closed => throw Rules.Conflict("check.closed", $"Communication check '{checkId}' is closed."),
            CheckAvailability.Stopped => throw Rules.Conflict("exercise.not-in-play", "The exercise is halted or over; checks are not answered now."),
            _ => throw Rules.NotFound("check.not-found", $"The exercise has no communication check '{checkId}'."),
        };
    }
}
