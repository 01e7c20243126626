using CiExercise.Contracts.Improvement;

namespace CiExercise.Review.Report;

public sealed partial class ReportBuilder
{
    private ReportSection ImprovementPlan()
    {
        var raised = _actions.Raised;
        return new ReportSection("improvement_plan", _t["Improvement plan", "改善計画"],
            [_t[$"{raised.Count} corrective action(s) raised in this exercise.", $"本演習で挙げられた是正措置：{raised.Count} 件。"]],
            [Table("improvement_plan", _t["Corrective actions", "是正措置"], ActionColumns(), raised.Select(ActionCells))]);
    }

    private ReportSection EarlierFindings()
    {
        var carried = _actions.Carried;
        var recurred = carried.Count(c => c.Recurred);
        return new ReportSection("earlier_findings", _t["Findings of earlier exercises", "過去の演習の指摘事項"],
            [_t[$"{carried.Count} corrective action(s) of earlier exercises concern this one; {recurred} finding(s) recurred.",
                $"過去の演習の是正措置のうち本演習に関係するもの {carried.Count} 件、うち再発 {recurred} 件。"]],
            [Table("earlier_findings", _t["Carried-in corrective actions", "引き継いだ是正措置"],
                [_t["Exercise", "演習"], .. ActionColumns(), _t["Recurred", "再発"], _t["Evidence", "根拠"]],
                carried.Select(c => (IReadOnlyList<object?>)[c.Action.ExerciseId, .. ActionCells(c.Action), _t.YesNo(c.Recurred), string.Join("\n", c.Evidence)]))]);
    }

    private IReadOnlyList<string> ActionColumns() =>
    [
        _t["Id", "ID"], _t["Finding", "指摘事項"], _t["Action", "是正措置"], _t["Owner", "担当組織"], _t["Due", "期限"], _t["Status", "状況"],
        _t["Objective", "目標"], _t["Capability", "能力"], _t["Task", "課題"], _t["KPI", "KPI"],
    ];

    private IReadOnlyList<object?> ActionCells(CorrectiveAction a) =>
    [
        a.Id, a.Finding, a.Action, a.OwnerOrganizationId, a.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        StatusName(a.Status), a.ObjectiveId, a.Capability, a.TaskId, a.Kpi,
    ];

    private string StatusName(CorrectiveActionStatus status) => status switch
    {
        CorrectiveActionStatus.Open => _t["open", "未着手"],
        CorrectiveActionStatus.InProgress => _t["in progress", "対応中"],
        CorrectiveActionStatus.Done => _t["done", "完了"],
        _ => _t["dropped", "取り下げ"],
    };

    private ReportSection Timeline() =>
        new("timeline", _t["Timeline", "タイムライン"],
            [_t[$"Every one of the {_review.LastSeq} recorded events is in the timeline table (timeline.csv, the timeline sheet of the workbook).",
                $"記録された全 {_review.LastSeq} 件のイベントはタイムライン表（timeline.csv、ブックのtimelineシート）にあります。"]],
            []);
}
