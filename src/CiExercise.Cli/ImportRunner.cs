using System.Text;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Sheets;

namespace CiExercise.Cli;

/// <summary>
/// ciex import: a spreadsheet MSEL (.xlsx, or a .csv of injects with --base for the rest) read and validated as
/// ciex validate reads a scenario file, every finding at its sheet, row and column; the scenario is written as a
/// YAML scenario file only when there is no error.
/// </summary>
/// <param name="toYaml">Writes the scenario file's text (the scenario writer).</param>
public sealed class ImportRunner(TextWriter output, Func<Scenario, string> toYaml)
{
    public async Task<int> RunAsync(string file, string outFile, string? basePath, IReadOnlyDictionary<string, string> headerMap)
    {
        var result = ScenarioSheets.Import(file, basePath, headerMap);
        foreach (var diagnostic in result.Diagnostics) await output.WriteLineAsync(diagnostic.ToString());
        if (result.Scenario is not { } scenario)
        {
            await output.WriteLineAsync($"{file}: not imported ({result.Diagnostics.Count(d => d.IsError)} error(s)); nothing was written");
            return 1;
        }

        var target = Path.GetFullPath(outFile);
        var yaml = Encoding.UTF8.GetBytes(toYaml(scenario));
        if (await OutputFile.WriteAsync(target, stream => stream.WriteAsync(yaml).AsTask()) is { } failed)
        {
            await output.WriteLineAsync($"ciex import: {failed}");
            return 1;
        }

        await output.WriteLineAsync($"wrote {target}: valid: scenario '{scenario.Id}', {scenario.Organizations.Count} organizations, " +
                                    $"{scenario.Injects.Count} injects, {result.Diagnostics.Count} warning(s)");
        return 0;
    }

    /// <summary>--map "Header text=column-key" options as a map, or what is wrong with one.</summary>
    public static (Dictionary<string, string> Map, string? Error) ParseMap(IEnumerable<string> options)
    {
        var keys = ScenarioSheets.ColumnKeys.ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var equals = option.LastIndexOf('=');
            if (equals <= 0 || option[..equals].Trim().Length == 0)
                return (map, $"--map '{option}' is not \"Header text=column-key\"");
            var key = option[(equals + 1)..].Trim();
            if (!keys.Contains(key))
                return (map, $"--map '{option}' names no column: '{key}' is not one of {string.Join(", ", keys)}");
            map[option[..equals].Trim()] = key;
        }

        return (map, null);
    }
}
