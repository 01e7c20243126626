using System.Text.Json;
using CiExercise.Cli.Load;
using CiExercise.Cli.Load.Figures;

namespace CiExercise.Load.Tests;

/// <summary>
/// The whole load run at about 50 connections against a started server and the bare hub. It asserts what
/// must hold whatever the machine's speed: exactly once for every console, every figure measured, every
/// ratio computed. Never a timing: figures are printed, not judged here.
/// </summary>
public sealed class LoadRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-load-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_small_run_holds_exactly_once_and_reports_every_figure_beside_the_bare_hub()
    {
        var json = Path.Combine(_folder, "figures.json");
        var output = new StringWriter();
        var error = new StringWriter();
        var options = new LoadOptions
        {
            Organizations = 10,
            Participants = 5,
            Duration = TimeSpan.FromSeconds(12),
            Injects = 6,
            ActionDelayMin = TimeSpan.FromMilliseconds(100),
            ActionDelayMax = TimeSpan.FromMilliseconds(500),
            ServerDll = BuiltServer.Path(),
            JsonPath = json,
            // Generous: a busy machine may be slow, and nothing here is timed.
            Timeout = TimeSpan.FromMinutes(5),
        };

        var code = await new LoadRunner(output, error, new StoreCeiling()).RunAsync(options, TestContext.Current.CancellationToken);

        Assert.True(code == 0, $"exit {code}{Environment.NewLine}{output}{Environment.NewLine}{error}");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var root = document.RootElement;
        var once = root.GetProperty("exactlyOnce");
        Assert.True(once.GetProperty("holds").GetBoolean(), once.ToString());
        Assert.Equal(50, once.GetProperty("consoles").GetInt32());

        var figures = root.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        foreach (var name in Measured)
        {
            Assert.True(figures.TryGetValue(name, out var figure), $"figure '{name}' is missing");
            var product = figure.GetProperty("product");
            var baseline = figure.GetProperty("baseline");
            Assert.True(product.ValueKind == JsonValueKind.Number, $"'{name}' has no product value: {figure}");
            Assert.True(baseline.ValueKind == JsonValueKind.Number, $"'{name}' has no bare hub value: {figure}");
            if (baseline.GetDouble() != 0)
                Assert.Equal(product.GetDouble() / baseline.GetDouble(), figure.GetProperty("ratio").GetDouble(), 6);
        }
        Assert.Equal(50, figures["connections held"].GetProperty("product").GetInt32());
        Assert.Equal(50, figures["connections held"].GetProperty("baseline").GetInt32());
        Assert.Equal(0, figures["STARTEX never delivered"].GetProperty("product").GetInt32());
        Assert.Contains("exactly once: holds for 50 consoles", output.ToString());
        Assert.True(figures["raw-insert ceiling of the store"].GetProperty("product").GetDouble() > 0, "the store's ceiling is measured");
        Assert.True(figures["event log appender, same rows (vs raw ceiling)"].GetProperty("product").GetDouble() > 0, "the appender is measured");
    }

    /// <summary>The figures both targets must have measured in any run with a storm (the ceiling is the store's, not a target's).</summary>
    private static readonly string[] Measured =
    [
        "consoles", "connections held",
        "STARTEX event after due, p50", "STARTEX event after due, p99", "STARTEX event after due, max",
        "STARTEX text on screen after due, p50", "STARTEX text on screen after due, p99", "STARTEX text on screen after due, max",
        "other injects event after due, p50", "other injects event after due, p99", "other injects event after due, max",
        "other injects text on screen after due, p99",
        "acknowledgement answered, p50", "acknowledgement answered, p99", "acknowledgement answered, max",
        "decision or message answered, p99",
        "durable actions per second, busiest second", "durable actions per second, mean",
        "server memory before connecting", "server memory, all connected", "server memory, peak", "server memory per connection",
        "reconnect storm: all caught up", "reconnect storm: console caught up, p99",
        "events received",
    ];
}
