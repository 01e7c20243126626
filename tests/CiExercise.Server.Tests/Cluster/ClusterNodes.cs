using System.Globalization;
using CiExercise.Contracts.Cluster;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;
using CiExercise.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Cluster;

/// <summary>
/// Several real servers in this process (a ServerFactory each: own data directory, own silo and gateway ports) on one
/// fresh PostgreSQL database from CIEX_TEST_POSTGRESQL, with Cluster:Enabled: one Orleans cluster through the ADO.NET
/// membership table, one Quartz cluster, one signing key. Started at the same moment, as nodes are after an outage,
/// so migrations, the shared key and the first controller link race as they would. Dropped with the database after.
/// </summary>
internal sealed class ClusterNodes : IAsyncDisposable
{
    private static readonly TimeSpan FormationTimeout = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _directory = new();

    private ClusterNodes(int count, IReadOnlyDictionary<string, string?>? settings)
    {
        ConnectionString = TestPostgreSql.NewDatabase("ciex_cluster");
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..12];
        Nodes = Enumerable.Range(0, count).Select(i =>
        {
            var node = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "PostgreSql",
                ["Storage:ConnectionString"] = ConnectionString,
                ["Cluster:Enabled"] = "true",
                ["Cluster:ClusterId"] = clusterId,
                ["Cluster:ServiceId"] = clusterId,
                ["Cluster:TailInterval"] = "00:00:00.100",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) node[key] = value;
            return new ServerFactory(Path.Combine(_directory.Path, "node" + i.ToString(CultureInfo.InvariantCulture)), node);
        }).ToList();
    }

    public string ConnectionString { get; }

    public IReadOnlyList<ServerFactory> Nodes { get; }

    public HubHarness Hub(int node) => new(Nodes[node]);

    /// <summary>Starts <paramref name="count"/> nodes together and waits until each lists all of them as active silos.</summary>
    public static async Task<ClusterNodes> StartAsync(int count, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cluster = new ClusterNodes(count, settings);
        try
        {
            await Task.WhenAll(cluster.Nodes.Select(node => Task.Run(() => node.Server)));
            await cluster.WaitForSilosAsync(count);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the node signed in as a controller of every exercise (its link stored by that node).</summary>
    public Task<ApiClient> ControllerAsync(int node) => Nodes[node].SignInAsync(TestPrincipals.ControllerOfAll);

    /// <summary>GET /api/cluster on the node, as a controller of every exercise.</summary>
    public async Task<ClusterView> ViewAsync(int node, string? exerciseId = null)
    {
        var api = await ControllerAsync(node);
        return await api.GetAsync<ClusterView>(exerciseId is null ? "/api/cluster" : $"/api/cluster?exercise={Uri.EscapeDataString(exerciseId)}");
    }

    /// <summary>The index of the node whose silo hosts the exercise's grain, as the cluster reports it.</summary>
    public async Task<int> HostOfAsync(string exerciseId)
    {
        var host = (await ViewAsync(0, exerciseId)).Exercise!.Silo;
        for (var i = 0; i < Nodes.Count; i++)
            if ((await ViewAsync(i)).ThisSilo.SiloPort == host.SiloPort) return i;
        throw new InvalidOperationException($"No node of this cluster has silo port {host.SiloPort}.");
    }

    private async Task WaitForSilosAsync(int count)
    {
        for (var i = 0; i < Nodes.Count; i++)
        {
            var node = i;
            await Eventually.WaitAsync(() => Active(node), n => n == count, $"node {node} lists {count} active silos", FormationTimeout);
        }
    }

    private async Task<int> Active(int node) =>
        (await Nodes[node].Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    public async ValueTask DisposeAsync()
    {
        // Together: a silo stopping alone waits for the others to notice it, which its peers' stopping shortens.
        await Task.WhenAll(Nodes.Select(node => node.DisposeAsync().AsTask()));
        await TestPostgreSql.DropAsync(ConnectionString);
        _directory.Dispose();
    }
}
