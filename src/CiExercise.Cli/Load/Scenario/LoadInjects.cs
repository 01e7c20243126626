using System.Text;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Cli.Load.Scenario;

/// <summary>
/// The injects of a load scenario: the all-hands STARTEX at +00:00, then a national exercise's mix spread
/// evenly over the play: sector alerts asking for a decision, a few operators called by phone, alerts for
/// the CISOs and managers of a sector, reports to the ministries and CEPTOARs, and news for two sectors.
/// </summary>
public static class LoadInjects
{
    public const string Startex = "startex";

    private const string Body =
        "ja: \"監視センターから重要インフラ事業者への通知です。影響範囲と事業継続への影響を確認し、所管省庁への報告要否を判断してください。" +
        "詳細は添付の指標を参照し、判断の経緯を記録してください。\"\n" +
        "      en: \"A notice from the monitoring centre to critical infrastructure operators. Check the scope and the effect on " +
        "business continuity, decide whether to report to your ministry, consult the attached indicators and record your reasoning.\"";

    public static void Write(StringBuilder text, int count, TimeSpan scenarioLength, IReadOnlyList<Sector> sectors, IReadOnlyList<string> operators)
    {
        Inject(text, Startex, TimeSpan.Zero, "everyone", "system-alert", "STARTEX", window: false, choices: 0);
        for (var i = 1; i <= count; i++)
        {
            var at = TimeSpan.FromSeconds(Math.Round(scenarioLength.TotalSeconds * (0.05 + 0.85 * i / count)));
            var sector = LoadSectors.Kebab(sectors[i % sectors.Count]);
            var other = LoadSectors.Kebab(sectors[(i + 1) % sectors.Count]);
            var picked = Enumerable.Range(0, 3).Select(k => operators[(i * 7 + k * 13) % operators.Count]).Distinct();
            var (to, channel, window, choices) = (i % 5) switch
            {
                0 => ($"{{ sectors: [{sector}] }}", "email", true, 3),
                1 => ($"{{ organizations: [{string.Join(", ", picked)}] }}", "phone", true, 0),
                2 => ($"{{ sectors: [{sector}], roles: [ciso, manager] }}", "system-alert", true, 2),
                3 => ("{ sectors: [ministry, ceptoar] }", "report", true, 2),
                _ => ($"{{ sectors: [{sector}, {other}] }}", "news", false, 0),
            };
            Inject(text, $"i{i:D3}", at, to, channel, $"Inject {i:D3} ({channel})", window, choices);
        }
    }

    private static void Inject(StringBuilder text, string id, TimeSpan at, string to, string channel, string title, bool window, int choices)
    {
        text.AppendLine($"  - id: {id}");
        text.AppendLine($"    at: \"+{LoadScenarioWriter.Duration(at)}\"");
        text.AppendLine($"    to: {to}");
        text.AppendLine("    from: { ja: \"監視センター\", en: \"Monitoring centre\" }");
        text.AppendLine($"    channel: {channel}");
        text.AppendLine($"    title: {{ ja: \"{title}\", en: \"{title}\" }}");
        text.AppendLine("    body:");
        text.AppendLine($"      {Body}");
        if (window) text.AppendLine("    response-window: \"00:30\"");
        if (choices == 0) return;
        text.AppendLine("    choices:");
        for (var c = 1; c <= choices; c++) text.AppendLine($"      - {{ id: c{c}, text: {{ ja: \"選択肢{c}\", en: \"Option {c}\" }} }}");
    }
}
