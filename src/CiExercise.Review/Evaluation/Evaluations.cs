using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Evaluation;

/// <summary>
/// The exercise against its objectives: every task rating in order (the current one is the last, by anyone),
/// an objective's rating is its worst current task rating, and what nobody evaluated.
/// </summary>
internal static class Evaluations
{
    public static EvaluationReport Of(ExerciseLog log)
    {
        var ratings = new Dictionary<(string Objective, string Task), List<TaskRatingEntry>>();
        var observations = new List<ObservationEntry>();
        foreach (var e in log.Events)
        {
            if (e.Kind == EventKind.TaskRated)
            {
                var rating = ReviewPayloads.Read<TaskRatedPayload>(e).Rating;
                var key = (rating.ObjectiveId, rating.TaskId);
                if (!ratings.TryGetValue(key, out var list)) ratings[key] = list = [];
                list.Add(new TaskRatingEntry(e.Seq, e.Actor.Id, e.WallTime, rating.Rating, rating.Text, rating.EvidenceSeqs));
            }
            else if (e.Kind == EventKind.ObservationRecorded)
            {
                observations.Add(new ObservationEntry(e.Seq, e.Actor.Id, e.WallTime, e.ScenarioTime,
                    ReviewPayloads.Read<ObservationPayload>(e).Observation));
            }
        }
        var objectives = log.Scenario.Objectives.Select(o =>
        {
            var tasks = o.Tasks.Select(t =>
            {
                var entries = ratings.GetValueOrDefault((o.Id, t.Id)) ?? [];
                return new TaskEvaluation(t.Id, t.Text, entries.Count == 0 ? null : entries[^1].Rating, entries);
            }).ToArray();
            var current = tasks.Where(t => t.Current is not null).Select(t => t.Current!.Value).ToArray();
            // P < S < M < U: the worst is the greatest.
            return new ObjectiveEvaluation(o.Id, o.Text, o.Capability, current.Length == 0 ? null : current.Max(), tasks,
                observations.Count(x => x.Observation.ObjectiveIds.Contains(o.Id)));
        }).ToArray();
        var unevaluated = objectives.Where(o => o.Tasks.All(t => t.Current is null) && o.Observations == 0).Select(o => o.ObjectiveId).ToArray();
        var unrated = objectives.SelectMany(o => o.Tasks.Where(t => t.Current is null).Select(t => new TaskRef(o.ObjectiveId, t.TaskId))).ToArray();
        return new EvaluationReport(objectives, observations, unevaluated, unrated);
    }
}
