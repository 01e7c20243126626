using CiExercise.Cli.Cluster;
using CiExercise.Storage;

namespace CiExercise.Cluster.Tests;

/// <summary>
/// Three server processes on one PostgreSQL database (CIEX_TEST_POSTGRESQL_FAULTS, a server the tests alone use, which
/// they stop and start: CIEX_TEST_POSTGRESQL_FAULTS_CLUSTER) behind nginx; each fault done to a live exercise and
/// checked against its event log: nothing lost, nothing doubled, every console complete and in order.
/// </summary>
public sealed class ClusterFaultTests(ClusterFaultTests.Fixture cluster) : IClassFixture<ClusterFaultTests.Fixture>
{
    public sealed class Fixture : FaultClusterFixture
    {
        protected override (ClusterTestOptions?, string?) Configure()
        {
            var connection = Environment.GetEnvironmentVariable("CIEX_TEST_POSTGRESQL_FAULTS");
            var pgCluster = Environment.GetEnvironmentVariable("CIEX_TEST_POSTGRESQL_FAULTS_CLUSTER");
            if (string.IsNullOrWhiteSpace(connection) || string.IsNullOrWhiteSpace(pgCluster))
                return (null, "CIEX_TEST_POSTGRESQL_FAULTS and CIEX_TEST_POSTGRESQL_FAULTS_CLUSTER are not set (tests/postgres.sh sets them)");
            return (new ClusterTestOptions
            {
                Provider = StorageProvider.PostgreSql, Nodes = 3, ConnectionString = connection, PgCluster = pgCluster, Faults = Faults.ClusterFaults,
            }, null);
        }
    }

    [Fact]
    public async Task Killing_the_node_that_hosts_the_exercise_moves_it_and_its_consoles_without_a_gap()
    {
        var result = await cluster.RunAsync(Faults.KillGrainHost);

        Assert.True(result.Holds, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public async Task Killing_a_node_while_a_trigger_is_due_fires_every_inject_once()
    {
        var result = await cluster.RunAsync(Faults.KillWhileDue);

        Assert.True(result.Holds, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public async Task A_30_second_database_outage_refuses_actions_retryably_and_the_cluster_recovers_by_itself()
    {
        var result = await cluster.RunAsync(Faults.DatabaseOutage30);

        Assert.True(result.Holds, string.Join(Environment.NewLine, result.Problems));
        Assert.Contains(result.Figures, f => f.Name == "of them fired late" && f.Value > 0);
    }

    [Fact]
    public async Task A_120_second_database_outage_refuses_actions_retryably_and_the_cluster_recovers_by_itself()
    {
        var result = await cluster.RunAsync(Faults.DatabaseOutage120);

        Assert.True(result.Holds, string.Join(Environment.NewLine, result.Problems));
        Assert.Contains(result.Figures, f => f.Name == "of them fired late" && f.Value > 0);
    }

    [Fact]
    public async Task Every_console_of_the_cluster_dropped_at_once_catches_up_with_no_gap()
    {
        var result = await cluster.RunAsync(Faults.Storm);

        Assert.True(result.Holds, string.Join(Environment.NewLine, result.Problems));
    }
}
