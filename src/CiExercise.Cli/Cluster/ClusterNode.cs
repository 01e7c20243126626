using System.Globalization;
using CiExercise.Cli.Load.Hosting;

namespace CiExercise.Cli.Cluster;

/// <summary>
/// One server process of the cluster on fixed ports (HTTP, silo, gateway), so that a node killed and started again
/// comes back where the proxy and the other silos look for it, on its own data folder and log file.
/// </summary>
public sealed class ClusterNode(int index, string dll, string work, string scenarios, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private ChildProcess? _process;
    private int _starts;

    public int Index { get; } = index;

    public string Name => $"node{Index}";

    public int Port { get; } = FreePort.Next();

    public int SiloPort { get; } = FreePort.Next();

    public int GatewayPort { get; } = FreePort.Next();

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public bool Running => _process is { HasExited: false };

    /// <summary>Where this node's output goes; each start has its own file (node1.log, node1.2.log, ...).</summary>
    public string LogPath(int start) => Path.Combine(work, start <= 1 ? $"{Name}.log" : $"{Name}.{start}.log");

    public string CurrentLog => LogPath(_starts);

    /// <summary>Starts the node and waits until it is ready; returns the first controller's token when waitForLink.</summary>
    public async Task<string> StartAsync(bool waitForLink, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _starts++;
        var data = Directory.CreateDirectory(Path.Combine(work, Name)).FullName;
        var all = new Dictionary<string, string>(settings)
        {
            ["Orleans:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
        };
        var started = await ServerLauncher.StartAsync(
            new ServerLauncher.Launch(dll, data, scenarios, LogPath(_starts)) { Port = Port, Settings = all, WaitForLink = waitForLink },
            timeout, cancellationToken);
        _process = started.Process;
        return started.FirstControllerToken;
    }

    /// <summary>kill -9: no shutdown, no goodbye to the cluster, connections reset.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        await process.DisposeAsync();
    }

    /// <summary>The last lines this node wrote, for a failure's message.</summary>
    public string Tail() => _process?.Tail() ?? (File.Exists(CurrentLog) ? string.Join(Environment.NewLine, File.ReadLines(CurrentLog).TakeLast(20)) : "");

    public ValueTask DisposeAsync() => new(KillAsync());
}
