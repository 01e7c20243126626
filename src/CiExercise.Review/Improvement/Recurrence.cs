using System.Globalization;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Improvement;
using CiExercise.Review.Model;

namespace CiExercise.Review.Improvement;

/// <summary>
/// Which corrective actions of earlier exercises concern an exercise, and whether their findings recurred in it.
/// Pure over the exercise's review: the caller picks the earlier exercises' actions from the store.
/// </summary>
public static class Recurrence
{
    /// <summary>Evidence lines per action: a KPI missed by hundreds of organizations is summed up after these.</summary>
    public const int MaxEvidence = 20;

    /// <summary>
    /// The actions that concern the exercise of <paramref name="review"/>: those whose owner organization plays
    /// in it, or whose objective id or capability is one of its objectives'. Every one of them is checked; the
    /// answer holds the open ones (what staff should know before and during play) and any that recurred, even
    /// when done or dropped (a finding that came back although its action was closed), in the order given.
    /// </summary>
    public static IReadOnlyList<CarriedAction> Carried(ExerciseReview review, IEnumerable<CorrectiveAction> earlier)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(earlier);
        var carried = new List<CarriedAction>();
        foreach (var action in earlier.Where(a => a.ExerciseId != review.ExerciseId && Concerns(review, a)))
        {
            var evidence = Evidence(review, action);
            if (evidence.Count > 0 || IsOpen(action.Status)) carried.Add(new CarriedAction(action, evidence.Count > 0, evidence));
        }
        return carried;
    }

    public static bool IsOpen(CorrectiveActionStatus status) => status is CorrectiveActionStatus.Open or CorrectiveActionStatus.InProgress;

    /// <summary>Whether the action's organization plays in the exercise or its objective or capability is one of the exercise's.</summary>
    public static bool Concerns(ExerciseReview review, CorrectiveAction action) =>
        action.OwnerOrganizationId is { } owner && review.Scenario.FindOrganization(owner) is not null
        || review.Scenario.Objectives.Any(o => SameObjective(o.Id, o.Capability, action));

    /// <summary>
    /// Where the finding came back, one line each: the action's task (same objective id or capability, same task
    /// id) currently rated M or U, and the action's KPI missed by its owner organization (by anyone when it has none).
    /// Empty when it did not recur; at most <see cref="MaxEvidence"/> lines and one that counts the rest.
    /// </summary>
    public static IReadOnlyList<string> Evidence(ExerciseReview review, CorrectiveAction action)
    {
        var lines = new List<string>();
        if (action.TaskId is { } taskId)
        {
            foreach (var objective in review.Evaluation.Objectives.Where(o => SameObjective(o.ObjectiveId, o.Capability, action)))
            {
                var task = objective.Tasks.FirstOrDefault(t => t.TaskId == taskId);
                if (task?.Current is HseepRating.M or HseepRating.U && task.Ratings.Count > 0)
                {
                    var last = task.Ratings[^1];
                    var said = string.IsNullOrWhiteSpace(last.Text) ? "." : $": {last.Text}";
                    lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"Task {objective.ObjectiveId}/{taskId} ({objective.Capability}) rated {task.Current} again (seq {last.Seq}, {last.EvaluatorId}){said}"));
                }
            }
        }

        if (action.Kpi is { } kpiName && Enum.TryParse<KpiKind>(kpiName, ignoreCase: false, out var kpi))
        {
            foreach (var miss in review.Kpis.Misses.Where(m => m.Kpi == kpi
                         && (action.OwnerOrganizationId is null || m.OrganizationId == action.OwnerOrganizationId)))
            {
                lines.Add($"KPI {kpi} missed again by {miss.OrganizationId} on inject {miss.InjectId}: {miss.Detail}");
            }
        }

        return lines.Count <= MaxEvidence ? lines : [.. lines.Take(MaxEvidence), $"… and {lines.Count - MaxEvidence} more."];
    }

    // The capability is what links exercises of different scenarios; the objective id links runs of one scenario.
    private static bool SameObjective(string objectiveId, string capability, CorrectiveAction action) =>
        action.ObjectiveId is { } id && id == objectiveId
        || action.Capability is { } wanted && string.Equals(wanted.Trim(), capability.Trim(), StringComparison.OrdinalIgnoreCase);
}
