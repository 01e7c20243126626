using System.Globalization;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios;

namespace CiExercise.Cli;

/// <summary>
/// ciex msel: the inject schedule as a table. Wall time is start + offset / speed, the same relation the
/// exercise clock uses for an exercise that is never paused.
/// </summary>
public sealed class MselRunner(TextWriter output)
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public int Run(string file, double speed, DateTimeOffset wallStart)
    {
        var result = ScenarioParser.ParseFile(file);
        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic);
        }

        if (result.Scenario is not { } scenario)
        {
            return 1;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(scenario.TimeZone);
        output.WriteLine($"{scenario.Id}: {scenario.Title.In("en")} / {scenario.Title.In("ja")}");
        output.WriteLine($"story start {scenario.StoryStart.ToString(TimeFormat + " zzz", CultureInfo.InvariantCulture)} ({scenario.TimeZone}), " +
                         $"wall start {wallStart.ToString(TimeFormat + " zzz", CultureInfo.InvariantCulture)}, speed {speed.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine();

        var rows = scenario.Injects.Select(inject => Row(scenario, zone, inject, speed, wallStart)).ToList();
        rows.Insert(0, ["ID", "OFFSET", "STORY TIME", "WALL TIME", "CHANNEL", "RECIPIENTS", "TITLE (en / ja)"]);
        TableWriter.Write(output, rows);
        return 0;
    }

    public static DateTimeOffset WallTime(DateTimeOffset wallStart, TimeSpan offset, double speed) =>
        wallStart + TimeSpan.FromTicks((long)Math.Round(offset.Ticks / speed));

    private static string[] Row(Scenario scenario, TimeZoneInfo zone, Inject inject, double speed, DateTimeOffset wallStart)
    {
        var story = TimeZoneInfo.ConvertTime(scenario.StoryStart + inject.At, zone);
        var recipients = scenario.ResolveRecipients(inject.Recipients)
            .Select(t => t.Roles.Count == 0 ? t.OrganizationId : $"{t.OrganizationId}({string.Join("+", t.Roles)})");
        return
        [
            inject.Id,
            TimeSyntax.FormatOffset(inject.At),
            story.ToString(TimeFormat, CultureInfo.InvariantCulture),
            WallTime(wallStart, inject.At, speed).ToString(TimeFormat, CultureInfo.InvariantCulture),
            System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(inject.Channel.ToString()),
            string.Join(", ", recipients),
            $"{inject.Title.In("en")} / {inject.Title.In("ja")}",
        ];
    }
}
