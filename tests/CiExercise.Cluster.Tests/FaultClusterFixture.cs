using CiExercise.Cli.Cluster;
using CiExercise.Load.Tests;

namespace CiExercise.Cluster.Tests;

/// <summary>
/// One harness cluster for a test class, started once (or a reason to skip each test), its faults run one per test,
/// and every figure printed to the test's output. Each fault plays an exercise of its own, so tests do not depend on
/// each other's order; a fault that kills a node starts it again before it ends.
/// </summary>
public abstract class FaultClusterFixture : IAsyncLifetime
{
    private readonly StringWriter _progress = new();
    private FaultCluster? _cluster;

    public string? SkipReason { get; private set; }

    /// <summary>The options, or a reason this machine cannot run them (no database, no nginx).</summary>
    protected abstract (ClusterTestOptions? Options, string? Skip) Configure();

    public async ValueTask InitializeAsync()
    {
        var (options, skip) = Configure();
        if (skip is null && NginxProxy.Find() is null) skip = "nginx is not installed (tests/run.sh installs it with apt)";
        SkipReason = skip;
        if (skip is not null) return;
        // Generous: a busy 2-core machine may be slow, and nothing here is timed.
        _cluster = await FaultCluster.StartAsync(options! with { ServerDll = BuiltServer.Path(), Timeout = TimeSpan.FromMinutes(4) },
            TextWriter.Synchronized(_progress), TestContext.Current.CancellationToken);
    }

    public async Task<FaultResult> RunAsync(string fault)
    {
        if (SkipReason is { } reason) Assert.Skip(reason);
        var result = await _cluster!.RunAsync(fault, TestContext.Current.CancellationToken);
        var table = new StringWriter();
        ClusterTestReport.WriteTable(table, [result]);
        TestContext.Current.TestOutputHelper?.WriteLine(table.ToString());
        TestContext.Current.TestOutputHelper?.WriteLine(Progress());
        return result;
    }

    private string Progress()
    {
        lock (_progress) return _progress.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
