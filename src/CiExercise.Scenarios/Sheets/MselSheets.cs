using static CiExercise.Scenarios.Sheets.CellKind;
using static CiExercise.Scenarios.Sheets.SheetColumn;

namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// The sheets of a spreadsheet MSEL, in workbook order, with their columns in a fixed order. Every key of the
/// scenario file has its column, so that a scenario exported and imported back is the same scenario.
/// </summary>
internal static class MselSheets
{
    public static readonly SheetSection Scenario = new("Scenario", "シナリオ", null, IsTable: false,
    [
        Of("id", Plain, "シナリオID", "Scenario id", true),
        .. TextPair("title", "表題", "Title", true),
        .. TextPair("summary", "概要", "Summary"),
        Of("time-zone", Plain, "タイムゾーン", "Time zone", true),
        Of("start", Plain, "開始日時", "Start", true),
        Of("duration", Duration, "想定時間", "Duration"),
        Of("roles", Ids, "役割", "Roles"),
    ]);

    public static readonly SheetSection Organizations = new("Organizations", "組織", "organizations", IsTable: true,
    [
        Of("id", Plain, "組織ID", "Organization id", true),
        .. TextPair("name", "名称", "Name", true),
        Of("sector", Plain, "分野", "Sector", true),
        Of("reports-to", Plain, "報告先", "Reports to"),
        Of("ceptoar", Plain, "CEPTOAR", "CEPTOAR"),
        Of("roles", Ids, "役割", "Roles"),
        Of("simulated", Flag, "統制側が演じる", "Simulated"),
    ]);

    public static readonly SheetSection Phases = new("Phases", "フェーズ", "phases", IsTable: true,
    [
        Of("id", Plain, "フェーズID", "Phase id", true),
        .. TextPair("name", "名称", "Name", true),
        Of("start", Offset, "開始", "Start", true),
        Of("end", Offset, "終了", "End"),
    ]);

    public static readonly SheetSection Objectives = new("Objectives", "目標", "objectives", IsTable: true,
    [
        Of("id", Plain, "目標ID", "Objective id", true),
        .. TextPair("text", "内容", "Text", true),
        Of("capability", Plain, "能力", "Capability", true),
        Of("tasks", Flow, "重要タスク", "Critical tasks"),
    ]);

    public static readonly SheetSection Services = new("Services", "サービス", "services", IsTable: true,
    [
        Of("id", Plain, "サービスID", "Service id", true),
        .. TextPair("name", "名称", "Name", true),
        Of("organization", Plain, "運営組織", "Organization", true),
        Of("recovery", Duration, "復旧時間", "Recovery"),
        Of("depends-on", Flow, "依存先", "Depends on"),
    ]);

    public static readonly SheetSection Injects = new("Injects", "インジェクト", "injects", IsTable: true,
    [
        Of("id", Plain, "インジェクトID", "Inject id", true),
        Of("at", Offset, "時刻", "At"),
        Of("channel", Plain, "経路", "Channel", true),
        Of("to", Flow, "宛先", "To", true),
        .. TextPair("from", "発信者", "From", true),
        .. TextPair("title", "件名", "Title", true),
        .. TextPair("body", "本文", "Body", true),
        .. TextPair("expected-action", "期待される対応", "Expected action"),
        Of("response-window", Duration, "対応期限", "Response window"),
        Of("objectives", Ids, "目標", "Objectives"),
        Of("choices", Flow, "選択肢", "Choices"),
        Of("incident", Flag, "インシデント報告", "Incident"),
        Of("escalation", Flag, "エスカレーション", "Escalation"),
        Of("severity", Flow, "深刻度評価", "Severity"),
        Of("when", Flow, "発出条件", "When"),
        Of("delay", Duration, "遅延", "Delay"),
        Of("deadline", Offset, "待機期限", "Deadline"),
        Of("unless", Flow, "取消条件", "Unless"),
        Of("effects", Flow, "サービスへの影響", "Effects"),
        Of("form", Flow, "報告様式", "Form"),
        .. TextPair("outlet", "媒体", "Outlet"),
        Of("handle", Plain, "投稿者", "Handle"),
    ]);

    public static readonly SheetSection Review = new("Review", "振り返り", "review", IsTable: false,
    [
        Of("reach-within", Flow, "到達目標時間", "Reach within"),
        Of("escalation-roles", Ids, "エスカレーション役割", "Escalation roles"),
        Of("hot-wash", Flow, "ホットウォッシュ質問", "Hot-wash questions"),
    ]);

    public static readonly IReadOnlyList<SheetSection> All = [Scenario, Organizations, Phases, Objectives, Services, Injects, Review];

    /// <summary>Every column key a --map may name.</summary>
    public static IEnumerable<string> ColumnKeys => All.SelectMany(s => s.Columns).Select(c => c.Key).Distinct();
}
