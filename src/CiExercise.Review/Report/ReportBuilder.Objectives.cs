namespace CiExercise.Review.Report;

public sealed partial class ReportBuilder
{
    private ReportSection Objectives()
    {
        var evaluation = _review.Evaluation;
        var objectives = Table("objectives", _t["Objectives and their ratings", "目標と評価"],
            [_t["Objective", "目標ID"], _t["Capability", "能力"], _t["Text", "内容"], _t["Rating", "評価"],
             _t["Tasks rated", "評価済み課題"], _t["Tasks", "課題数"], _t["Observations", "所見数"]],
            evaluation.Objectives.Select(o => Row(o.ObjectiveId, o.Capability, _t.Of(o.Text), o.Rating?.ToString(),
                o.Tasks.Count(t => t.Current is not null), o.Tasks.Count, o.Observations)));
        var tasks = Table("critical_tasks", _t["Critical tasks", "重要課題"],
            [_t["Objective", "目標ID"], _t["Task", "課題ID"], _t["Text", "内容"], _t["Rating", "評価"], _t["Times rated", "評価回数"],
             _t["Last evaluator", "最終評価者"], _t["Comment", "コメント"], _t["Evidence (seq)", "根拠（seq）"]],
            evaluation.Objectives.SelectMany(o => o.Tasks.Select(task =>
            {
                var last = task.Ratings.Count > 0 ? task.Ratings[^1] : null;
                return Row(o.ObjectiveId, task.TaskId, _t.Of(task.Text), task.Current?.ToString(), task.Ratings.Count,
                    last?.EvaluatorId, last?.Text, last is null ? null : string.Join(' ', last.EvidenceSeqs));
            })));
        var unevaluated = Table("coverage", _t["Not evaluated", "未評価"],
            [_t["Objective", "目標ID"], _t["Task", "課題ID"]],
            evaluation.UnevaluatedObjectives.Select(id => Row(id, null))
                .Concat(evaluation.UnevaluatedTasks.Select(task => Row(task.ObjectiveId, task.TaskId))));
        var paragraphs = new List<string>
        {
            _t["Each objective is rated by its worst current critical-task rating (P, S, M, U).",
                "各目標の評価は、その重要課題の現在の評価のうち最も低いもの（P・S・M・U）です。"],
        };
        paragraphs.Add(evaluation.UnevaluatedObjectives.Count + evaluation.UnevaluatedTasks.Count == 0
            ? _t["Every objective and critical task was evaluated.", "すべての目標と重要課題が評価されました。"]
            : _t[$"Not evaluated: {evaluation.UnevaluatedObjectives.Count} objective(s) with no observation or rating, {evaluation.UnevaluatedTasks.Count} critical task(s) with no rating.",
                $"未評価：所見も評価もない目標 {evaluation.UnevaluatedObjectives.Count} 件、評価のない重要課題 {evaluation.UnevaluatedTasks.Count} 件。"]);
        return new ReportSection("objectives", _t["Objectives and critical tasks", "目標と重要課題"], paragraphs, [objectives, tasks, unevaluated]);
    }
}
