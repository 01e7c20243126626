using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;
using Microsoft.Extensions.Logging;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// The news and social feed's live posts: the control cell writes news and social posts as it likes, and an
/// organization publishes press statements (its participants, or the control cell when it plays the organization).
/// A post is an exercise-level event every participant sees, recorded only while the exercise is in play.
/// </summary>
public sealed partial class ExerciseGrain
{
    public async Task<ActionReceipt> PublishPost(Actor actor, FeedPost post, string? clientActionId)
    {
        var state = State;
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(PublishPost), post));
        if (state.Keys.Find(actor, key.Id, key.Fingerprint) is { } first) return Receipt(first);
        RefuseIfReadOnly();
        if (state.Status is not (ExerciseStatus.Running or ExerciseStatus.Paused))
            throw Rules.Conflict("exercise.not-in-play", state.Status == ExerciseStatus.Halted
                ? "Play is stopped by a real-world halt."
                : $"The exercise is {state.Status.ToString().ToLowerInvariant()}; the feed takes posts only while it is running or paused.");
        var stored = FeedRules.Check(state.Scenario, actor, post);

        var now = time.GetUtcNow();
        var scenarioNow = state.Clock.ScenarioAt(now);
        var posted = new NewEvent(EventKind.FeedPosted, now, scenarioNow, null, actor, null, null,
            ScenarioJson.Serialize(new FeedPostedPayload(stored, key.Id, key.Stored)), key.DedupeKey(actor));
        var receipt = await RecordKeyed(actor, key, posted);
        logger.LogInformation("Exercise {ExerciseId}: {FeedKind} posted in the feed by {ActorId} ({OrgId})", Id, stored.Kind, actor.Id, stored.OrganizationId);
        return receipt;
    }

    /// <summary>
    /// Appends one keyed action of a controller or evaluator; when the log already had the key (another activation
    /// recorded it first), the answer is the receipt of the key's first row.
    /// </summary>
    private async Task<ActionReceipt> RecordKeyed(Actor actor, ActionKey key, NewEvent action)
    {
        var result = (await Append([action], key))[0];
        if (result.Duplicate && State.Keys.Find(actor, key.Id, key.Fingerprint) is { } recordedFirst) return Receipt(recordedFirst);
        return new ActionReceipt(result.Seq, action.WallTime, action.ScenarioTime, result.Duplicate);
    }
}
