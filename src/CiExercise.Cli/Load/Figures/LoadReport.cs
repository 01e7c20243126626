using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiExercise.Cli.Load.Figures;

/// <summary>The figures as a table (product / bare hub, ratio) and as JSON, with exactly-once and the run's settings.</summary>
public sealed record LoadReport(
    LoadOptions Options, IReadOnlyList<Figure> Figures, ExactlyOnce? ExactlyOnce, CeilingResult? Ceiling, IReadOnlyList<string> Notes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public void WriteTable(TextWriter output)
    {
        output.WriteLine($"ciex load: {Options.Organizations} organizations × {Options.Participants} = {Options.Consoles} consoles, " +
                         $"speed {Number(Options.Speed)}, {Options.Injects} injects after STARTEX over {Number(Options.Duration.TotalSeconds)} s");
        var rows = new List<string[]> { new[] { "FIGURE", "UNIT", "PRODUCT", "BARE HUB", "RATIO" } };
        rows.AddRange(Figures.Select(f => new[] { f.Name, f.Unit, Number(f.Product), Number(f.Baseline), f.Ratio is { } r ? $"{Number(r)}×" : "-" }));
        TableWriter.Write(output, rows);
        if (ExactlyOnce is { } once)
            output.WriteLine($"exactly once: {(once.Holds ? "holds" : "VIOLATED")} for {once.Consoles} consoles " +
                             $"(with a gap {once.ConsolesWithGap}, missing {once.Missing}, not allowed {once.NotAllowed}, mismatched {once.Mismatched}, never saw the end {once.NotEnded})");
        foreach (var note in Notes) output.WriteLine($"note: {note}");
    }

    public async Task WriteJsonAsync(string path, CancellationToken cancellationToken)
    {
        var document = new
        {
            run = new
            {
                Options.Organizations, Options.Participants, Options.Consoles, Options.Speed, durationSeconds = Options.Duration.TotalSeconds,
                Options.Injects, actionDelaySeconds = new[] { Options.ActionDelayMin.TotalSeconds, Options.ActionDelayMax.TotalSeconds },
                Options.Baseline, Options.Storm, target = Options.Server?.ToString() ?? "started", machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString() },
            },
            figures = Figures.Select(f => new { f.Name, f.Unit, f.Product, f.Baseline, f.Ratio }),
            exactlyOnce = ExactlyOnce is { } once ? new { once.Holds, once.Consoles, once.ConsolesWithGap, once.Missing, once.NotAllowed, once.Mismatched, once.NotEnded } : null,
            ceiling = Ceiling,
            notes = Notes,
        };
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, document, Json, cancellationToken);
    }

    private static string Number(double? value) => value switch
    {
        null => "-",
        >= 100 => value.Value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.Value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
