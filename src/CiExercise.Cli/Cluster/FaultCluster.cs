using CiExercise.Cli.Load;
using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Hosting;
using CiExercise.Storage;

namespace CiExercise.Cli.Cluster;

/// <summary>
/// The harness both `ciex cluster-test` and the fault tests use: N server processes (the built server, as `ciex load`
/// starts it) on one database, nginx in front with the shipped configuration, the control cell signed in through
/// it; then any fault on an exercise of its own (<see cref="RunAsync"/>). Disposing stops everything it started,
/// starts the database again if a fault left it stopped, and drops the run's database.
/// </summary>
public sealed class FaultCluster : IAsyncDisposable
{
    private readonly string _work;
    private readonly List<ClusterNode> _nodes = [];
    private readonly HttpClient _http;
    private NginxProxy? _proxy;
    private FaultDatabase? _database;
    private ClusterContext? _context;

    private FaultCluster(ClusterTestOptions options, string work, TextWriter progress)
    {
        (Options, _work, Progress) = (options, work, progress);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public ClusterTestOptions Options { get; }

    public TextWriter Progress { get; }

    public ClusterContext Context => _context ?? throw new InvalidOperationException("The cluster is not started.");

    /// <summary>The folder holding the nodes' and nginx's logs.</summary>
    public string Work => _work;

    public static async Task<FaultCluster> StartAsync(ClusterTestOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        if (options.Check() is { } problem) throw new LoadException(problem);
        var cluster = new FaultCluster(options, Directory.CreateTempSubdirectory("ciex-cluster-").FullName, progress);
        try
        {
            await cluster.StartCoreAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var scenarios = Directory.CreateDirectory(Path.Combine(_work, "scenarios")).FullName;
        foreach (var fault in Options.Faults.Distinct())
            await Faults.ScenarioOf(fault).WriteAsync(scenarios, Options.Organizations, cancellationToken);
        var settings = new Dictionary<string, string> { ["Storage:Provider"] = Options.Provider.ToString() };
        if (Options.Provider == StorageProvider.PostgreSql)
        {
            _database = new FaultDatabase(Options.ConnectionString!, Options.PgCluster);
            settings["Storage:ConnectionString"] = _database.ConnectionString;
            settings["Cluster:Enabled"] = "true";
            settings["Cluster:ClusterId"] = _database.Name;
            settings["Cluster:ServiceId"] = _database.Name;
            settings["Cluster:AdvertisedAddress"] = "127.0.0.1";
        }
        var dll = Options.ServerDll ?? ServerLauncher.Find();
        for (var i = 1; i <= Options.Nodes; i++) _nodes.Add(new ClusterNode(i, dll, _work, scenarios, settings));

        // The first node creates the database and issues the first controller's link (once for the whole cluster);
        // the others join it together.
        Progress.WriteLine($"starting {_nodes.Count} node(s) ({Options.Provider}) from {dll}");
        var link = await _nodes[0].StartAsync(waitForLink: true, Options.Timeout, cancellationToken);
        await Task.WhenAll(_nodes.Skip(1).Select(n => n.StartAsync(waitForLink: false, Options.Timeout, cancellationToken)));
        _proxy = new NginxProxy(Directory.CreateDirectory(Path.Combine(_work, "nginx")).FullName, [.. _nodes.Select(n => n.Port)]);
        await _proxy.StartAsync(Options.Timeout, cancellationToken);
        _http.BaseAddress = _proxy.Address;
        var token = await ControlApi.RedeemAsync(_http, link, cancellationToken);
        _context = new ClusterContext(Options, _nodes, _proxy, _database, _http, token, Progress);
        Progress.WriteLine($"cluster ready behind nginx at {_proxy.Address} (nodes on {string.Join(", ", _nodes.Select(n => n.Port))})");
    }

    /// <summary>Does the fault to an exercise of its own and checks it; a fault that could not be carried out says why in its problems.</summary>
    public async Task<FaultResult> RunAsync(string fault, CancellationToken cancellationToken)
    {
        try
        {
            return await Faults.RunAsync(Context, fault, cancellationToken);
        }
        catch (LoadException failure)
        {
            var result = new FaultResult(fault);
            result.Problems.Add(failure.Message);
            result.Problems.AddRange(_nodes.Select(n => $"{n.Name} ({(n.Running ? "running" : "down")}) last lines:{Environment.NewLine}{n.Tail()}"));
            return result;
        }
    }

    /// <summary>Copies the logs somewhere that outlives the run's scratch folder.</summary>
    public void KeepLogs(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(_work, "*.log", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(_work, "*.out", SearchOption.AllDirectories)))
            File.Copy(file, Path.Combine(folder, Path.GetRelativePath(_work, file).Replace(Path.DirectorySeparatorChar, '-')), overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
        foreach (var node in _nodes) await node.DisposeAsync();
        _http.Dispose();
        if (_database is not null)
        {
            if (_database.CanStop)
            {
                // A fault that failed half-way may have left the server stopped: it is started again (a no-op when running).
                try
                {
                    await _database.StartAsync(CancellationToken.None);
                }
                catch (LoadException failure)
                {
                    Progress.WriteLine($"note: {failure.Message}");
                }
            }
            if (await _database.DropAsync(CancellationToken.None) is { } note) Progress.WriteLine($"note: {note}");
        }
        if (Options.KeepLogs is { } keep) KeepLogs(keep);
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A child may still hold a file for a moment; the folder is in the temp directory.
        }
    }
}
