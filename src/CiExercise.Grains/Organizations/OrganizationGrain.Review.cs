using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;
using Microsoft.Extensions.Logging;

namespace CiExercise.Grains.Organizations;

/// <summary>What the after-action review needs from an organization besides its play: who joined, and the hot wash.</summary>
public sealed partial class OrganizationGrain
{
    public async Task<ActionReceipt> SubmitHotWash(Actor actor, IReadOnlyList<HotWashAnswer> answers, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(SubmitHotWash), answers));
        if (Replayed(key) is { } replayed) return replayed;
        CheckActor(actor);
        var clock = await Exercise.GetClock();
        if (clock.Status != ExerciseStatus.Ended)
            throw Rules.Conflict("exercise.not-ended", "The hot wash opens once the exercise has ended.");
        var kept = HotWashForm.Check(_scenario!.Review.HotWash, answers);
        var (now, scenario) = Now(clock);
        // No play condition: the exercise has ended, and nothing reopens it.
        var receipt = await Record(null, new NewEvent(EventKind.HotWashSubmitted, now, scenario, _organizationId, actor, null, null,
            ScenarioJson.Serialize(new HotWashPayload(kept, key.Id, key.Stored)), ClientDedupeKey(key.Id)));
        return receipt.Duplicate ? await ReplayedFromLog(key) ?? receipt : receipt;
    }

    public async Task Joined(Actor actor)
    {
        CheckActor(actor);
        if (_state.HasJoined(actor.Id)) return;
        var (now, scenario) = Now(await Exercise.GetClock());
        var joined = new NewEvent(EventKind.ParticipantJoined, now, scenario, _organizationId, actor, null, null,
            ScenarioJson.Serialize(new ParticipantJoinedPayload(actor.Role)), $"joined:{_organizationId}:{actor.Id}");
        var results = await log.AppendAsync(_exerciseId, [joined]);
        EngineMetrics.Count([joined], results);
        var result = results[0];
        // A duplicate is the first row of this person (another activation wrote it): remembered the same way.
        _state.Apply(joined.Recorded(_exerciseId, result.Seq));
        if (!result.Duplicate) LogJoined(logger, _exerciseId, _organizationId, actor.Role);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exercise {ExerciseId}: a participant of {OrgId} joined as {Role}")]
    private static partial void LogJoined(ILogger logger, string exerciseId, string orgId, string role);
}
