using CiExercise.Review.Model;

namespace CiExercise.Review.Report;

public sealed partial class ReportBuilder
{
    private ReportSection Kpis()
    {
        var k = _review.Kpis;
        var paragraphs = new List<string>
        {
            _t["Times are scenario time after delivery, in minutes; medians and 90th percentiles are of the responses given.",
                "時間は配信からのシナリオ時間（分）です。中央値と90パーセンタイルは実際の対応から計算しています。"],
        };
        if (k.Exercise.InsideWindowShare is { } share)
            paragraphs.Add(_t[$"Responses inside their window: {ReportText.Percent(share)}% ({k.Exercise.InsideWindow} of {k.Exercise.WithWindow}).",
                $"期限内の対応：{ReportText.Percent(share)}%（{k.Exercise.WithWindow} 件中 {k.Exercise.InsideWindow} 件）。"]);
        return new ReportSection("kpis", _t["Key performance indicators", "重要業績評価指標（KPI）"], paragraphs,
        [
            Figures("kpi_organizations", _t["Per organization", "組織別"], _t["Organization", "組織"], k.Organizations, withName: true),
            Figures("kpi_sectors", _t["Per sector and for the exercise", "分野別・演習全体"], _t["Sector", "分野"], [.. k.Sectors, k.Exercise], withName: false),
            Responses(k.Responses),
            Escalations(k.Escalations),
            ChainStages(k.Chains),
            ChainPaths(k.Chains),
            NeverReached(k.Chains),
            Reachability(k.Reachability),
            Severity(k.Severity),
            Misses(k.Misses),
        ]);
    }

    private ReportTable Figures(string id, string caption, string keyColumn, IEnumerable<ResponseFigures> figures, bool withName)
    {
        IReadOnlyList<string> columns =
        [
            keyColumn, .. withName ? [_t["Name", "名称"], _t["Sector", "分野"]] : new[] { _t["Organizations", "組織数"] },
            _t["Delivered", "配信"], _t["Acknowledged", "受領"], _t["Answered", "対応"], _t["With window", "期限あり"],
            _t["Inside window", "期限内"], _t["Inside window (%)", "期限内率（%）"], _t["Overdue", "期限超過"], _t["Unanswered", "未対応"],
            _t["Median acknowledge (min)", "受領中央値（分）"], _t["P90 acknowledge (min)", "受領90%（分）"],
            _t["Median first decision (min)", "初回判断中央値（分）"], _t["P90 first decision (min)", "初回判断90%（分）"],
        ];
        return Table(id, caption, columns, figures.Select(f => (IReadOnlyList<object?>)
        [
            f.Key == "exercise" && !withName ? _t["Exercise", "演習全体"] : f.Key,
            .. withName ? new object?[] { OrganizationName(f.Key), Sector(f.Key) } : [f.Organizations],
            f.Delivered, f.Acknowledged, f.Answered, f.WithWindow, f.InsideWindow, ReportText.Percent(f.InsideWindowShare),
            f.Overdue, f.Unanswered, ReportText.Minutes(f.MedianAcknowledge), ReportText.Minutes(f.P90Acknowledge),
            ReportText.Minutes(f.MedianFirstDecision), ReportText.Minutes(f.P90FirstDecision),
        ]));
    }

    private ReportTable Responses(IReadOnlyList<InjectResponse> responses) =>
        Table("responses", _t["Responses per inject and organization", "インジェクト・組織別の対応"],
            [_t["Inject", "インジェクト"], _t["Title", "件名"], _t["Organization", "組織"], _t["Delivered at", "配信時刻"],
             _t["Respond by", "対応期限"], _t["Acknowledge (min)", "受領（分）"], _t["Acknowledged by", "受領者の役割"],
             _t["First decision (min)", "初回判断（分）"], _t["Decided by", "判断者の役割"], _t["Inside window", "期限内"], _t["Overdue", "期限超過"]],
            responses.Select(r => Row(r.InjectId, InjectTitle(r.InjectId), r.OrganizationId, ReportText.Scenario(r.DeliveredAtScenario),
                ReportText.Scenario(r.RespondBy), ReportText.Minutes(r.Acknowledge?.Scenario), r.AcknowledgedByRole,
                ReportText.Minutes(r.FirstDecision?.Scenario), r.DecidedByRole, _t.YesNo(r.InsideWindow), _t.YesNo(r.Overdue))));

    private ReportTable Escalations(IReadOnlyList<EscalationKpi> escalations) =>
        Table("escalation", _t["Escalation to executives and CISO", "経営層・CISOへのエスカレーション"],
            [_t["Inject", "インジェクト"], _t["Organization", "組織"], _t["Escalated", "エスカレーション"],
             _t["After (min)", "所要（分）"], _t["After, wall (min)", "所要・実時間（分）"], _t["By", "対応者"], _t["Role", "役割"]],
            escalations.Select(e => Row(e.InjectId, e.OrganizationId, _t.YesNo(e.Escalated is not null),
                ReportText.Minutes(e.Escalated?.Scenario), ReportText.Minutes(e.Escalated?.Wall), e.ActorId, e.ActorRole)));

    private ReportTable ChainStages(IReadOnlyList<ReportingChain> chains) =>
        Table("chain_stages", _t["Reporting chains: stages", "報告経路：段階"],
            [_t["Inject", "インジェクト"], _t["Origin", "発生組織"], _t["Stage", "段階"], _t["Organization", "組織"],
             _t["Reached", "到達"], _t["Reached after (min)", "到達まで（分）"], _t["Window (min)", "目標時間（分）"], _t["Inside window", "目標内"]],
            chains.SelectMany(c => c.Stages.Select(s => Row(c.InjectId, c.OriginOrganizationId, StageName(s.Stage), s.OrganizationId,
                _t.YesNo(s.Reached is not null), ReportText.Minutes(s.Reached?.Scenario), ReportText.Minutes(s.Window), _t.YesNo(s.InsideWindow)))));

    private ReportTable ChainPaths(IReadOnlyList<ReportingChain> chains) =>
        Table("chain_paths", _t["Reporting chains: paths", "報告経路：伝達経路"],
            [_t["Inject", "インジェクト"], _t["Origin", "発生組織"], "seq", _t["From", "送信元"], _t["To", "送信先"],
             _t["Scenario time", "シナリオ時刻"], _t["Wall time (UTC)", "実時刻（UTC）"], _t["Subject", "件名"], _t["Forwarded from (seq)", "転送元（seq）"]],
            chains.SelectMany(c => c.Path.Select(h => Row(c.InjectId, c.OriginOrganizationId, h.Seq, h.From, h.To,
                ReportText.Scenario(h.ScenarioTime), ReportText.Wall(h.WallTime), h.Subject, h.ForwardedFromSeq))));

    private ReportTable NeverReached(IReadOnlyList<ReportingChain> chains) =>
        Table("chain_never_reached", _t["Reporting chains: never reached", "報告経路：未到達"],
            [_t["Inject", "インジェクト"], _t["Origin", "発生組織"], _t["Organization", "組織"], _t["Name", "名称"]],
            chains.SelectMany(c => c.NeverReached.Select(id => Row(c.InjectId, c.OriginOrganizationId, id, OrganizationName(id)))));

    private ReportTable Reachability(IReadOnlyList<StageReachability> stages) =>
        Table("reachability", _t["Reachability per stage", "段階別の到達率"],
            [_t["Inject", "インジェクト"], _t["Stage", "段階"], _t["Organizations", "組織数"], _t["Reached in window", "目標内到達"],
             _t["Reached", "到達"], _t["Reached in window (%)", "目標内到達率（%）"], _t["Window (min)", "目標時間（分）"]],
            stages.Select(s => Row(s.InjectId, StageName(s.Stage), s.Organizations, s.ReachedInWindow, s.Reached,
                ReportText.Percent(s.Share), ReportText.Minutes(s.Window))));

    private ReportTable Severity(IReadOnlyList<SeverityCalibration> calibrations) =>
        Table("severity", _t["Severity calibration", "深刻度評価の較正"],
            [_t["Inject", "インジェクト"], _t["Expected level", "想定レベル"], _t["Mean level", "平均レベル"], _t["Organization", "組織"],
             _t["Sector", "分野"], _t["Continuity", "継続性"], _t["Safety", "安全"], _t["Trust", "信頼"], _t["Level", "レベル"],
             _t["Sector mean", "分野平均"], _t["From expected", "想定との差"]],
            calibrations.SelectMany(c => c.Answers.Select(a => Row(c.InjectId, c.Expected, Round(c.Mean), a.OrganizationId,
                ReportText.Name(a.Sector), a.Rating.Continuity, a.Rating.Safety, a.Rating.Trust, a.Level, Round(a.SectorMean), a.FromExpected))));

    private ReportTable Misses(IReadOnlyList<KpiMiss> misses) =>
        Table("kpi_misses", _t["KPIs missed", "未達のKPI"],
            [_t["Organization", "組織"], _t["KPI", "KPI"], _t["Inject", "インジェクト"], _t["Detail", "詳細"]],
            misses.Select(m => Row(m.OrganizationId, ReportText.Name(m.Kpi), m.InjectId, m.Detail)));

    private string StageName(ChainStageKind stage) => stage switch
    {
        ChainStageKind.Ministry => _t["Ministry", "所管省庁"],
        ChainStageKind.NationalCentre => _t["National centre", "ナショナルセンター"],
        ChainStageKind.Ceptoar => _t["CEPTOAR", "セプター"],
        _ => _t["Other sector", "他分野"],
    };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
