using CiExercise.Cli.Rehearsal.Participants;
using CiExercise.Cli.Rehearsal.Report;
using CiExercise.Review.Report;
using CiExercise.Scenarios;

namespace CiExercise.Cli.Rehearsal;

/// <summary>
/// ciex rehearse: validates the file (its diagnostics as `ciex validate` prints them, on standard error), rehearses it,
/// and prints the report. Exit 1: the file does not validate; 2: the rehearsal failed (what it waited for, on standard error).
/// </summary>
public sealed class RehearseRunner(TextWriter output, TextWriter error, bool progressBar)
{
    public async Task<int> RunAsync(string file, RehearsalOptions options, string language, bool json, CancellationToken cancellationToken)
    {
        var parsed = ScenarioParser.ParseFile(file);
        foreach (var diagnostic in parsed.Diagnostics) await error.WriteLineAsync(diagnostic.ToString());
        if (parsed.Scenario is not { } scenario)
        {
            await error.WriteLineAsync($"ciex rehearse: {file} does not validate; nothing was rehearsed.");
            return 1;
        }

        RehearsalReport report;
        try
        {
            using var bar = progressBar ? new RehearsalProgressBar(error) : null;
            report = await new Rehearsal(scenario, options, bar is null ? null : bar.Show).RunAsync(cancellationToken);
        }
        catch (RehearsalException failed)
        {
            await error.WriteLineAsync($"ciex rehearse: {file}: {failed.Message}");
            return 2;
        }

        if (json) await output.WriteLineAsync(RehearsalReportWriter.ToJson(report));
        else new RehearsalReportWriter(output, ReportText.Of(language)!).Write(report);
        return 0;
    }

    public static Behaviour ParseBehaviour(string text) => Enum.Parse<Behaviour>(text, ignoreCase: true);
}
