using System.Globalization;
using System.Text.Json;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Model;
using CiExercise.Review.Report;

namespace CiExercise.Cli.Rehearsal.Report;

/// <summary>The rehearsal's report as text in English or Japanese (scenario times as hh:mm:ss from STARTEX), or as JSON.</summary>
public sealed class RehearsalReportWriter(TextWriter output, ReportText t)
{
    // Japanese names as they are, not as \u escapes: the JSON is read by people too.
    private static readonly JsonSerializerOptions Json = new(ScenarioJson.Options)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string ToJson(RehearsalReport report) => JsonSerializer.Serialize(report, Json);

    public void Write(RehearsalReport r)
    {
        Line(t[$"Rehearsal of {r.ScenarioId}: {t.Of(r.Title)}", $"リハーサル {r.ScenarioId}：{t.Of(r.Title)}"]);
        Line(t[$"speed {Number(r.Speed)}, participants {ReportText.Name(r.Participants)}, seed {r.Seed}, played to {Time(r.End)}",
            $"速度 {Number(r.Speed)}、参加者 {ReportText.Name(r.Participants)}、シード {r.Seed}、{Time(r.End)} まで実施"]);
        var f = r.Figures;
        Line(t[$"{f.Fired} of {f.Injects} injects fired; {f.Events} events recorded: {f.Acknowledgements} acknowledgements, {f.Decisions} decisions, " +
               $"{f.Reports} report forms, {f.Statements} press statements, {f.Messages} messages",
            $"インジェクト {f.Injects} 件中 {f.Fired} 件配信、記録 {f.Events} 件（受領 {f.Acknowledgements}、判断 {f.Decisions}、報告フォーム {f.Reports}、" +
            $"プレス発表 {f.Statements}、メッセージ {f.Messages}）"]);

        Section(t[$"Injects that cannot be answered inside their window at speed {Number(r.Speed)} (a prompt participant needs {Time(r.FastestDecision)})",
                $"速度 {Number(r.Speed)} では期限内に対応できないインジェクト（迅速な参加者でも {Time(r.FastestDecision)} 必要）"],
            r.Unanswerable.Select(u => t[$"{u.InjectId} at {Time(u.At)}: window {Time(u.Window)}", $"{u.InjectId}（{Time(u.At)}）：期限 {Time(u.Window)}"]));

        Line();
        Line(t["Branches never taken", "実行されなかった分岐"]);
        Sub(t["injects never fired", "配信されなかったインジェクト"],
            r.NotFired.Select(n => $"{n.InjectId}: {ReportText.Name(n.Status)}{(n.Reason is { } why ? $" ({why})" : "")}"));
        Sub(t["choices never chosen", "選ばれなかった選択肢"], r.ChoicesNeverChosen.Select(c => $"{c.InjectId}: {string.Join(", ", c.Choices)}"));
        Sub(t["conditions never met", "満たされなかった条件"], r.ConditionsNeverMet.Select(c => $"{c.InjectId} {c.Part}: {c.Summary}"));
        Sub(t["held injects released", "条件成立で解放されたインジェクト"], r.Released.Select(x =>
            t[$"{x.InjectId} at {Time(x.At)}, due {Time(x.DueAt)}: {x.Reason}{(x.Manual ? " (by hand)" : "")}",
              $"{x.InjectId}（{Time(x.At)}、配信 {Time(x.DueAt)}）：{x.Reason}{(x.Manual ? "（手動）" : "")}"]));

        Section(t["Organizations that receive nothing", "何も受け取らない組織"],
            r.ReceivedNothing.Select(o => o.Simulated ? t[$"{o.OrganizationId} (simulated)", $"{o.OrganizationId}（模擬）"] : o.OrganizationId));
        Section(t["Cascades that fired", "発生した連鎖"], r.Cascades.Select(c =>
            t[$"{Time(c.At)} {c.ServiceId} {ReportText.Name(c.To)}{(c.Because is { } b ? $" after {b}" : "")}",
              $"{Time(c.At)} {c.ServiceId} {ReportText.Name(c.To)}{(c.Because is { } by ? $"（{by} に連鎖）" : "")}"]));

        Line();
        Line(t["KPIs of the after-action review", "事後評価のKPI"]);
        Figures(t["exercise", "演習全体"], r.Kpis.Exercise);
        foreach (var sector in r.Kpis.Sectors) Figures(sector.Key, sector);
        Sub(t["reporting chain (organizations reached in window / reached / to reach)", "報告経路（目標内到達／到達／対象組織）"],
            r.Kpis.Stages.Select(s => $"{ReportText.Name(s.Stage)}: {s.ReachedInWindow} / {s.Reached} / {s.Organizations}"));
        Sub(t["KPIs missed", "未達のKPI"], r.Kpis.Misses.Select(m => $"{ReportText.Name(m.Kpi)}: {m.Count}"));

        if (r.Refused.Count > 0)
            Section(t["Actions the server refused", "サーバーが拒否した操作"], r.Refused.Select(x => $"{x.OrganizationId} {x.InjectId} {x.Action}: {x.Code}"));
    }

    private void Figures(string key, ResponseFigures f) => Line(t[
        $"  {key}: delivered {f.Delivered}, acknowledged {f.Acknowledged}, answered {f.Answered}, inside window {f.InsideWindow} of {f.WithWindow}, " +
        $"overdue {f.Overdue}, unanswered {f.Unanswered}, median acknowledge {Time(f.MedianAcknowledge)}, median first decision {Time(f.MedianFirstDecision)}",
        $"  {key}：配信 {f.Delivered}、受領 {f.Acknowledged}、対応 {f.Answered}、期限内 {f.WithWindow} 件中 {f.InsideWindow}、" +
        $"期限超過 {f.Overdue}、未対応 {f.Unanswered}、受領中央値 {Time(f.MedianAcknowledge)}、初回判断中央値 {Time(f.MedianFirstDecision)}"]);

    private void Section(string title, IEnumerable<string> lines)
    {
        Line();
        Line(title);
        Items(lines, "  ");
    }

    private void Sub(string title, IEnumerable<string> lines)
    {
        Line($"  {title}");
        Items(lines, "    ");
    }

    private void Items(IEnumerable<string> lines, string indent)
    {
        var any = false;
        foreach (var line in lines)
        {
            Line(indent + line);
            any = true;
        }
        if (!any) Line(indent + t["none", "なし"]);
    }

    private void Line(string text = "") => output.WriteLine(text);

    private static string Time(TimeSpan? time) => ReportText.Scenario(time) ?? "-";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
