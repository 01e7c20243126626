using CiExercise.Scenarios;
using CiExercise.Scenarios.Sheets;

namespace CiExercise.Cli;

/// <summary>ciex export: a valid scenario file as a spreadsheet MSEL, an .xlsx workbook or the injects as a .csv.</summary>
public sealed class ExportRunner(TextWriter output)
{
    public static readonly string[] Formats = ["xlsx", "csv"];

    /// <param name="outFile">Null: the scenario file's name with the format's extension, beside it.</param>
    public async Task<int> RunAsync(string file, string format, string? outFile)
    {
        var result = ScenarioParser.ParseFile(file);
        foreach (var diagnostic in result.Diagnostics) await output.WriteLineAsync(diagnostic.ToString());
        if (result.Scenario is not { } scenario) return 1;

        var target = Path.GetFullPath(outFile ?? Path.ChangeExtension(file, format));
        var failed = await OutputFile.WriteAsync(target, stream =>
        {
            if (format == "csv") ScenarioSheets.WriteCsv(scenario, stream);
            else ScenarioSheets.WriteXlsx(scenario, stream);
            return Task.CompletedTask;
        });
        if (failed is not null)
        {
            await output.WriteLineAsync($"ciex export: {failed}");
            return 1;
        }

        await output.WriteLineAsync($"wrote {target}: scenario '{scenario.Id}', {scenario.Injects.Count} injects" +
                                    (format == "csv" ? " (import it with --base " + file + " for the other sections)" : ""));
        return 0;
    }
}
