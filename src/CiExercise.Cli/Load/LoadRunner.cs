using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Baseline;
using CiExercise.Cli.Load.Figures;
using CiExercise.Cli.Load.Hosting;
using CiExercise.Cli.Load.Scenario;
using CiExercise.Contracts.Events;

namespace CiExercise.Cli.Load;

/// <summary>
/// ciex load: the product, then the bare hub doing the same, then the store's raw-insert ceiling; prints the
/// table, writes the JSON. Child processes and the scratch folder go away however the run ends.
/// </summary>
public sealed class LoadRunner(TextWriter output, TextWriter error, IStoreCeiling ceiling)
{
    /// <summary>Sockets this process needs besides one per console (HTTP pool, the child processes' pipes, files).</summary>
    private const int SpareFiles = 512;

    public async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.Check() is { } problem) return Fail(problem);
        // Each console holds a hub socket and, while loading, an HTTP one.
        if (OpenFileLimit.Ensure(options.Consoles * 2 + SpareFiles) is { } limit) return Fail(limit);
        var (yaml, _) = LoadScenarioWriter.Generate(options);

        // Ctrl+C: the children go first, before the consoles are disposed.
        using var killChildren = cancellationToken.Register(ChildProcesses.KillAll);
        var work = Directory.CreateTempSubdirectory("ciex-load-").FullName;
        var notes = new List<string>();
        try
        {
            var (product, record) = await new ProductRun(options, error, notes).RunAsync(work, yaml, cancellationToken);
            var baseline = options.Baseline ? await new BaselineRun(options, error, notes).RunAsync(record, cancellationToken) : null;
            var measured = await MeasureCeilingAsync(record, work, notes, cancellationToken);
            foreach (var target in new[] { product, baseline }.OfType<TargetResult>())
                notes.AddRange(target.Metrics.Failures.OrderByDescending(f => f.Value).Take(5).Select(f => $"{target.Name}: {f.Value} × {f.Key}"));
            if (product.ExactlyOnce is { Holds: false }) notes.Add("exactly-once did not hold: see the line above; the figures are still printed");
            var report = new LoadReport(options, FigureList.Of(product, baseline, measured), product.ExactlyOnce, measured, notes);
            report.WriteTable(output);
            if (options.JsonPath is { } json) await report.WriteJsonAsync(json, cancellationToken);
            return product.ExactlyOnce is { Holds: false } ? 2 : 0;
        }
        catch (LoadException failure)
        {
            return Fail(failure.Message);
        }
        catch (HttpRequestException failure)
        {
            return Fail($"a request to the server failed: {failure.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail("stopped: the run was cancelled; child processes and the scratch folder are removed.");
        }
        finally
        {
            TryDelete(work);
        }
    }

    private async Task<CeilingResult?> MeasureCeilingAsync(ProductRecord record, string work, List<string> notes, CancellationToken cancellationToken)
    {
        var rows = record.Log.Where(r => r.Kind is EventKind.InjectAcknowledged or EventKind.DecisionRecorded or EventKind.MessageSent or EventKind.MessageReceived).ToArray();
        if (rows.Length == 0) return null;
        return await ceiling.MeasureAsync(new CeilingRequest(rows.Length, Directory.CreateDirectory(Path.Combine(work, "ceiling")).FullName), cancellationToken);
    }

    private int Fail(string message)
    {
        error.WriteLine($"ciex load: {message}");
        return 1;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A child may still hold a file for a moment; the folder is in the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
