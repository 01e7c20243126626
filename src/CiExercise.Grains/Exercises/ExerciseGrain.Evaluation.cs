using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Exercises;

public sealed partial class ExerciseGrain
{
    private const int MaxObservationLength = Limits.TextLength;

    public async Task<ActionReceipt> RecordObservation(Actor evaluator, Observation observation, string? clientActionId)
    {
        var state = State;
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(RecordObservation), observation));
        if (state.Keys.Find(evaluator, key.Id, key.Fingerprint) is { } first) return Receipt(first);
        if (state.Status == ExerciseStatus.Draft)
            throw Rules.Conflict("exercise.not-started", "Observations are recorded once the exercise has started.");
        if (string.IsNullOrWhiteSpace(observation.Text))
            throw Rules.Invalid("observation.text-required", "An observation needs a text.");
        if (observation.Text.Length > MaxObservationLength)
            throw Rules.Invalid("text.too-long", $"The observation is {observation.Text.Length} characters long; at most {MaxObservationLength} are kept.");
        CheckKnown(observation.ObjectiveIds, id => state.Scenario.Objectives.Any(o => o.Id == id), "objective");
        CheckKnown(observation.InjectIds, id => state.FindInject(id) is not null, "inject");
        CheckKnown(observation.OrganizationIds, id => state.Scenario.FindOrganization(id) is not null, "organization");

        var now = time.GetUtcNow();
        var scenarioNow = state.Clock.ScenarioAt(now);
        var recorded = new NewEvent(EventKind.ObservationRecorded, now, scenarioNow, null, evaluator, observation.InjectIds.FirstOrDefault(),
            null, ScenarioJson.Serialize(new ObservationPayload(observation with { Text = observation.Text.Trim() }, key.Id, key.Stored)),
            key.DedupeKey(evaluator));
        var result = (await Append([recorded], key))[0];
        if (result.Duplicate && State.Keys.Find(evaluator, key.Id, key.Fingerprint) is { } recordedFirst) return Receipt(recordedFirst);
        return new ActionReceipt(result.Seq, now, scenarioNow, result.Duplicate);
    }

    /// <summary>The answer to a resend: the receipt of the key's first row.</summary>
    private static ActionReceipt Receipt(ExerciseEvent first) => new(first.Seq, first.WallTime, first.ScenarioTime, Duplicate: true);

    private static void CheckKnown(IEnumerable<string> ids, Func<string, bool> known, string what)
    {
        var unknown = ids.FirstOrDefault(id => !known(id));
        if (unknown is not null) throw Rules.NotFound($"{what}.not-found", $"The exercise has no {what} '{unknown}'.");
    }
}
