using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Improvement;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Model;

namespace CiExercise.Server.Tests.Improvement;

/// <summary>Reviews and actions written by hand, so that recurrence and trends are tested without playing an exercise.</summary>
internal static class HandMadeReviews
{
    private static readonly DateTimeOffset Start = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A review whose scenario has the organizations (id, sector) and objectives (id, capability, task ids) given.</summary>
    public static ExerciseReview ReviewOf(
        string exerciseId,
        (string Id, Sector Sector)[] organizations,
        (string Id, string Capability, string[] Tasks)[] objectives,
        (string ObjectiveId, string TaskId, HseepRating Rating)[]? ratings = null,
        KpiMiss[]? misses = null,
        ResponseFigures[]? organizationFigures = null,
        ResponseFigures[]? sectorFigures = null,
        DateTimeOffset? startedAt = null)
    {
        var text = new LocalizedText("課題", "Objective");
        var scenario = new Scenario($"scenario-{exerciseId}", text, text, "Asia/Tokyo", Start, null, [],
            organizations.Select(o => new Organization(o.Id, text, o.Sector, null, ["staff"], false)).ToList(),
            objectives.Select(o => new Objective(o.Id, text, o.Capability) { Tasks = o.Tasks.Select(t => new CriticalTask(t, text)).ToList() }).ToList(),
            []);
        var evaluation = new EvaluationReport(objectives.Select(o =>
        {
            var tasks = o.Tasks.Select(t =>
            {
                var rated = (ratings ?? []).Where(r => r.ObjectiveId == o.Id && r.TaskId == t)
                    .Select((r, i) => new TaskRatingEntry(100 + i, "evaluator-1", Start, r.Rating, $"rated {r.Rating}", [])).ToList();
                return new TaskEvaluation(t, text, rated.LastOrDefault()?.Rating, rated);
            }).ToList();
            return new ObjectiveEvaluation(o.Id, text, o.Capability, tasks.Select(t => t.Current).Max(), tasks, 0);
        }).ToList(), [], [], []);
        var exercise = Figures("exercise");
        var kpis = new KpiReport([], organizationFigures ?? [], sectorFigures ?? [], exercise, [], [], [], [], misses ?? []);
        return new ExerciseReview(exerciseId, $"演習 {exerciseId}", scenario, ExerciseStatus.Ended, 500, startedAt ?? Start, Start.AddHours(4),
            TimeSpan.FromHours(4), [], kpis, evaluation, new ParticipationReport([], [], []));
    }

    public static ResponseFigures Figures(string key, int delivered = 1) =>
        new(key, 1, delivered, delivered, delivered, 0, 0, 0, 0, null, null, null, null, []);

    public static CorrectiveAction Action(
        string exerciseId, string? objectiveId = null, string? capability = null, string? taskId = null, string? kpi = null,
        string? owner = null, CorrectiveActionStatus status = CorrectiveActionStatus.Open) =>
        new($"ca-{Guid.NewGuid():N}", exerciseId, objectiveId, capability, taskId, null, kpi, "finding", "action", owner, null, status,
            "controller", Start, "controller", Start, 1);
}
