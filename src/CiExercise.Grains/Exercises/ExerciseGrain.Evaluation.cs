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
        return await RecordKeyed(evaluator, key, recorded);
    }

    public async Task<ActionReceipt> RateTask(Actor evaluator, TaskRating rating, string? clientActionId)
    {
        var state = State;
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(RateTask), rating));
        if (state.Keys.Find(evaluator, key.Id, key.Fingerprint) is { } first) return Receipt(first);
        if (!state.HasStarted)
            throw Rules.Conflict("exercise.not-started", "Critical tasks are rated once the exercise has started.");
        var objective = state.Scenario.Objectives.FirstOrDefault(o => o.Id == rating.ObjectiveId)
                        ?? throw Rules.NotFound("objective.not-found", $"The exercise has no objective '{rating.ObjectiveId}'.");
        if (objective.FindTask(rating.TaskId) is null)
            throw Rules.NotFound("task.not-found", $"Objective '{objective.Id}' has no critical task '{rating.TaskId}'.");
        if (!Enum.IsDefined(rating.Rating))
            throw Rules.Invalid("rating.invalid", "A task rating is p, s, m or u.");
        if (rating.Text is { Length: > MaxObservationLength } text)
            throw Rules.Invalid("text.too-long", $"The rating's text is {text.Length} characters long; at most {MaxObservationLength} are kept.");
        await CheckEvidence(rating.EvidenceSeqs);

        var now = time.GetUtcNow();
        var scenarioNow = state.Clock.ScenarioAt(now);
        var stored = rating with
        {
            Text = string.IsNullOrWhiteSpace(rating.Text) ? null : rating.Text.Trim(),
            EvidenceSeqs = rating.EvidenceSeqs.Distinct().Order().ToArray(),
        };
        var rated = new NewEvent(EventKind.TaskRated, now, scenarioNow, null, evaluator, null, null,
            ScenarioJson.Serialize(new TaskRatedPayload(stored, key.Id, key.Stored)), key.DedupeKey(evaluator));
        return await RecordKeyed(evaluator, key, rated);
    }

    /// <summary>Evidence is a bounded list of rows of this exercise's log; the log is asked only when a seq is past what the grain has seen.</summary>
    private async Task CheckEvidence(IReadOnlyList<long> seqs)
    {
        if (seqs.Count > Limits.TaskEvidence)
            throw Rules.Invalid("evidence.too-many", $"A rating cites {seqs.Count} events; at most {Limits.TaskEvidence} are kept.");
        if (seqs.Count == 0) return;
        if (seqs.Where(s => s < 1).Select(s => (long?)s).FirstOrDefault() is { } bad)
            throw Rules.Invalid("evidence.invalid-seq", $"Evidence seq {bad} is not an event of the log; seqs start at 1.");
        var highest = seqs.Max();
        if (highest <= State.LastSeq) return;
        var last = await log.ReadLastSeqAsync(Id);
        if (highest > last)
            throw Rules.NotFound("evidence.not-found", $"Evidence seq {highest} is not an event of the exercise; its last event is {last}.");
    }

    /// <summary>The answer to a resend: the receipt of the key's first row.</summary>
    private static ActionReceipt Receipt(ExerciseEvent first) => new(first.Seq, first.WallTime, first.ScenarioTime, Duplicate: true);

    private static void CheckKnown(IEnumerable<string> ids, Func<string, bool> known, string what)
    {
        var unknown = ids.FirstOrDefault(id => !known(id));
        if (unknown is not null) throw Rules.NotFound($"{what}.not-found", $"The exercise has no {what} '{unknown}'.");
    }
}
