using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Report;

public sealed partial class ReportBuilder
{
    private ReportSection Participation()
    {
        var p = _review.Participation;
        var organizations = Table("participation", _t["Participation per organization", "組織別の参加状況"],
            [_t["Organization", "組織"], _t["Name", "名称"], _t["Sector", "分野"], _t["Simulated", "模擬"], _t["People joined", "接続者数"],
             _t["People acted", "対応者数"], _t["Last acted (UTC)", "最終対応（UTC）"], _t["Went silent", "途中で無応答"]],
            p.Organizations.Select(o => Row(o.OrganizationId, OrganizationName(o.OrganizationId), ReportText.Name(o.Sector),
                _t.YesNo(o.Simulated), o.Joined.Count, o.Acted.Count, ReportText.Wall(o.LastActedAt), _t.YesNo(o.WentSilent))));
        var lateness = Table("inject_lateness", _t["Control cell: inject lateness", "統制側：インジェクトの遅延"],
            [_t["Inject", "インジェクト"], _t["Title", "件名"], _t["Ad hoc", "臨時"], _t["Fired at", "発出時刻"],
             _t["Lateness (min)", "遅延（分）"], _t["Late", "遅延あり"]],
            p.Lateness.Select(l => Row(l.InjectId, InjectTitle(l.InjectId), _t.YesNo(l.AdHoc), ReportText.Scenario(l.FiredAtScenario),
                ReportText.Minutes(l.Lateness), _t.YesNo(l.Late))));
        var silent = p.Organizations.Count(o => o.WentSilent);
        var late = p.Lateness.Count(l => l.Late);
        return new ReportSection("participation", _t["Participation and control", "参加状況と統制"],
            [_t[$"{silent} organization(s) went silent; the control cell fired {late} inject(s) late.",
                $"途中で無応答になった組織 {silent} 件、統制側が遅れて発出したインジェクト {late} 件。"]],
            [organizations, lateness]);
    }

    private ReportSection HotWash()
    {
        var questions = _review.Scenario.Review.HotWash;
        var answers = Table("hot_wash", _t["Hot-wash answers", "ホットウォッシュ回答"],
            [_t["Organization", "組織"], _t["Person", "回答者"], _t["Role", "役割"], _t["Question", "質問ID"], _t["Question text", "質問"],
             _t["Rating (1–5)", "評価（1–5）"], _t["Answer", "回答"]],
            _review.Participation.HotWash.SelectMany(entry => entry.Answers.Select(a => Row(entry.OrganizationId, entry.PersonId, entry.Role,
                a.QuestionId, questions.FirstOrDefault(q => q.Id == a.QuestionId) is { } q ? _t.Of(q.Text) : null, a.Rating, a.Text))));
        var ratings = Table("hot_wash_ratings", _t["Hot-wash ratings", "ホットウォッシュ評価の集計"],
            [_t["Question", "質問ID"], _t["Question text", "質問"], _t["Answers", "回答数"], _t["Mean rating", "平均評価"]],
            questions.Where(q => q.Kind == HotWashQuestionKind.Rating).Select(q =>
            {
                var given = RatingsOf(q.Id).ToList();
                return Row(q.Id, _t.Of(q.Text), given.Count, given.Count == 0 ? null : Math.Round(given.Average(), 2));
            }));
        return new ReportSection("hot_wash", _t["Hot wash", "ホットウォッシュ"],
            [_t[$"{_review.Participation.HotWash.Count} participant(s) answered the hot-wash form.",
                $"ホットウォッシュに回答した参加者：{_review.Participation.HotWash.Count} 名。"]],
            [ratings, answers]);
    }

    private IEnumerable<int> RatingsOf(string questionId) =>
        _review.Participation.HotWash.SelectMany(e => e.Answers).Where(a => a.QuestionId == questionId && a.Rating is not null).Select(a => a.Rating!.Value);

    private ReportSection Observations()
    {
        var observations = _review.Evaluation.Observations;
        return new ReportSection("observations", _t["Observations", "所見"], [],
        [
            ObservationTable("strengths", _t["Strengths", "強み"], observations.Where(o => o.Observation.Kind == ObservationKind.Strength)),
            ObservationTable("improvements", _t["Areas for improvement", "改善すべき点"],
                observations.Where(o => o.Observation.Kind == ObservationKind.AreaForImprovement)),
        ]);
    }

    private ReportTable ObservationTable(string id, string caption, IEnumerable<Model.ObservationEntry> entries) =>
        Table(id, caption,
            ["seq", _t["Scenario time", "シナリオ時刻"], _t["Evaluator", "評価者"], _t["Rating", "評価"], _t["Observation", "所見"],
             _t["Objectives", "目標"], _t["Injects", "インジェクト"], _t["Organizations", "組織"]],
            entries.Select(e => Row(e.Seq, ReportText.Scenario(e.ScenarioTime), e.EvaluatorId, e.Observation.Rating?.ToString(), e.Observation.Text,
                string.Join(' ', e.Observation.ObjectiveIds), string.Join(' ', e.Observation.InjectIds), string.Join(' ', e.Observation.OrganizationIds))));
}
