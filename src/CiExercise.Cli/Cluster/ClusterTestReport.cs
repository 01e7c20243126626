using System.Globalization;
using System.Text.Json;

namespace CiExercise.Cli.Cluster;

/// <summary>The faults' figures as a table (standard output) and as JSON, and each fault's verdict with what failed.</summary>
public static class ClusterTestReport
{
    public static void WriteTable(TextWriter output, IReadOnlyList<FaultResult> results)
    {
        foreach (var result in results)
        {
            output.WriteLine();
            output.WriteLine($"{result.Fault}: {(result.Holds ? "nothing lost or doubled, every check holds" : "FAILED")}");
            foreach (var problem in result.Problems) output.WriteLine($"  problem: {problem}");
            var width = result.Figures.Select(f => f.Name.Length).DefaultIfEmpty(10).Max();
            foreach (var figure in result.Figures)
                output.WriteLine($"  {figure.Name.PadRight(width)}  {Format(figure.Value),10} {figure.Unit}");
        }
    }

    public static async Task WriteJsonAsync(string path, IReadOnlyList<FaultResult> results, CancellationToken cancellationToken)
    {
        var body = results.Select(r => new
        {
            fault = r.Fault,
            holds = r.Holds,
            problems = r.Problems,
            figures = r.Figures.Select(f => new { name = f.Name, unit = f.Unit, value = f.Value }),
        });
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, body, new JsonSerializerOptions { WriteIndented = true }, cancellationToken);
    }

    private static string Format(double? value) => value switch
    {
        null => "-",
        { } v when Math.Abs(v) >= 100 || v == Math.Floor(v) => v.ToString("0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.0##", CultureInfo.InvariantCulture),
    };
}
