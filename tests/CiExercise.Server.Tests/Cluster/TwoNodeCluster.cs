using CiExercise.TestSupport;

namespace CiExercise.Server.Tests.Cluster;

/// <summary>Two nodes of one cluster for a test class; nothing is started without CIEX_TEST_POSTGRESQL (the tests skip).</summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private ClusterNodes? _nodes;

    internal ClusterNodes Nodes => _nodes ?? throw new InvalidOperationException(TestPostgreSql.SkipReason ?? "The cluster did not start.");

    /// <summary>Skips the calling test when there is no PostgreSQL to run a cluster on.</summary>
    internal ClusterNodes Require()
    {
        if (TestPostgreSql.SkipReason is { } reason) Assert.Skip(reason);
        return Nodes;
    }

    public async ValueTask InitializeAsync()
    {
        if (TestPostgreSql.SkipReason is null) _nodes = await ClusterNodes.StartAsync(2);
    }

    public async ValueTask DisposeAsync()
    {
        if (_nodes is not null) await _nodes.DisposeAsync();
    }
}
