using CiExercise.Cli.Cluster;
using CiExercise.Storage;

namespace CiExercise.Cluster.Tests;

/// <summary>One node on its SQLite file behind nginx: killed with -9 and started again mid-exercise, and every console dropped at once.</summary>
public sealed class SingleNodeFaultTests(SingleNodeFaultTests.Fixture cluster) : IClassFixture<SingleNodeFaultTests.Fixture>
{
    public sealed class Fixture : FaultClusterFixture
    {
        protected override (ClusterTestOptions?, string?) Configure() =>
            (new ClusterTestOptions { Provider = StorageProvider.Sqlite, Nodes = 1, Faults = Faults.SingleNode }, null);
    }

    [Fact]
    public async Task A_node_killed_and_started_again_mid_exercise_loses_nothing_and_fires_what_fell_due_late()
    {
        var result = await cluster.RunAsync(Faults.KillRestart);

        Assert.True(result.Holds, string.Join(Environment.NewLine, result.Problems));
        Assert.Contains(result.Figures, f => f.Name == "of them fired late" && f.Value > 0);
    }

    [Fact]
    public async Task Every_console_dropped_at_once_catches_up_with_no_gap()
    {
        var result = await cluster.RunAsync(Faults.Storm);

        Assert.True(result.Holds, string.Join(Environment.NewLine, result.Problems));
    }
}
