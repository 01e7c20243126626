namespace CiExercise.Review.Report;

public sealed partial class ReportBuilder
{
    private ReportSection Overview()
    {
        var r = _review;
        var organizations = r.Participation.Organizations;
        var joined = organizations.Count(o => o.Joined.Count > 0);
        var acted = organizations.Count(o => o.Acted.Count > 0);
        var people = organizations.SelectMany(o => o.Joined).Distinct(StringComparer.Ordinal).Count();
        var actors = organizations.SelectMany(o => o.Acted).Distinct(StringComparer.Ordinal).Count();
        var rows = new List<IReadOnlyList<object?>>
        {
            Row(_t["Exercise", "演習"], r.Name),
            Row(_t["Exercise id", "演習ID"], r.ExerciseId),
            Row(_t["Scenario", "シナリオ"], _t.Of(r.Scenario.Title)),
            Row(_t["Scenario id", "シナリオID"], r.Scenario.Id),
            Row(_t["Status", "状態"], ReportText.Name(r.Status)),
            Row(_t["Started (UTC)", "開始（UTC）"], ReportText.Wall(r.StartedAt)),
            Row(_t["Ended (UTC)", "終了（UTC）"], ReportText.Wall(r.EndedAt)),
            Row(_t["Scenario time reached", "到達シナリオ時刻"], ReportText.Scenario(r.ScenarioEnd)),
            Row(_t["Events recorded", "記録イベント数"], r.LastSeq),
            Row(_t["Organizations", "参加組織数"], organizations.Count),
            Row(_t["Organizations that joined", "接続した組織数"], joined),
            Row(_t["Organizations that acted", "対応した組織数"], acted),
            Row(_t["People who joined", "接続した参加者数"], people),
            Row(_t["People who acted", "対応した参加者数"], actors),
            Row(_t["Injects delivered", "配信インジェクト数"], r.Kpis.Exercise.Delivered),
            Row(_t["Pauses, halts and speed changes", "一時停止・中断・速度変更"], r.Bands.Count),
        };
        var paragraphs = new List<string> { _t.Of(r.Scenario.Summary) };
        if (r.EndedAt is null)
            paragraphs.Add(_t["The exercise has not ended: the figures are as of the last recorded event.",
                "演習は終了していません。数値は最後に記録されたイベント時点のものです。"]);
        return new ReportSection("overview", _t["Overview", "概要"], paragraphs,
            [Table("overview", _t["Exercise overview", "演習の概要"], [_t["Item", "項目"], _t["Value", "値"]], rows)]);
    }

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
