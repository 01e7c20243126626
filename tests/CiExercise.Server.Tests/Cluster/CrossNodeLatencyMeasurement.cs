using System.Diagnostics;
using System.Globalization;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Realtime;
using CiExercise.TestSupport;

namespace CiExercise.Server.Tests.Cluster;

/// <summary>
/// The figure docs/operations.md quotes ("Realtime across nodes"): how long an event committed on the node that hosts the
/// exercise takes to reach a console on the other node, at the default Cluster:TailInterval. A measurement, not a check
/// of speed: it runs only when CIEX_MEASURE_CROSS_NODE is set (to the number of events, 300 when not a number), prints
/// p50, p99 and max, and asserts only that every event arrived once and in order. From the event's wall time (taken
/// when the grain appends, just before the commit) to its arrival at the console; both clocks are this machine's.
/// </summary>
public sealed class CrossNodeLatencyMeasurement
{
    public const string Variable = "CIEX_MEASURE_CROSS_NODE";

    [Fact]
    public async Task Cross_node_delivery_latency()
    {
        var wanted = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(wanted))
            Assert.Skip($"A measurement: set {Variable}=<events> to run it (docs/operations.md, \"Realtime across nodes\").");
        if (TestPostgreSql.SkipReason is { } reason) Assert.Skip(reason);
        var count = int.TryParse(wanted, CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Min(n, 10_000) : 300;

        // The default interval, as a deployment runs it (the test fixture's is shorter).
        await using var nodes = await ClusterNodes.StartAsync(2, new Dictionary<string, string?> { ["Cluster:TailInterval"] = null });
        var api = await nodes.ControllerAsync(0);
        var id = (await api.CreateExerciseAsync()).Id;
        var host = await nodes.HostOfAsync(id);
        var other = nodes.Hub(1 - host);
        await using var console = await other.ConnectAsync((await other.IssueAsync(PrincipalKind.Controller, id)).Token);
        var exercise = nodes.Hub(host).Exercise(id);
        await exercise.Start(HubHarness.Control);
        var first = await console.Subscribe(id, 0).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken) + 1;

        var arrivals = ReceiveAsync(console, first, count);
        var pace = new Random(20261202);
        for (var i = 0; i < count; i++)
        {
            await exercise.PublishPost(HubHarness.Control, new FeedPost(FeedKind.News, "Wire", null, $"Measured {i}", "A measured post.", null), null);
            // Irregular gaps, so that commits fall at every phase of the other node's reads.
            await Task.Delay(TimeSpan.FromMilliseconds(pace.Next(5, 60)), TestContext.Current.CancellationToken);
        }

        var received = await arrivals.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, count).Select(i => first + i), received.Select(r => r.Event.Seq));
        var latencies = received.Select(r => (r.At - r.Event.WallTime).TotalMilliseconds).Order().ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Cross-node delivery, {count} events, tail interval {Server.Cluster.ClusterSettings.DefaultTailInterval.TotalMilliseconds} ms: "
            + $"p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms");
    }

    private static async Task<List<(LiveEvent Event, DateTimeOffset At)>> ReceiveAsync(CiExercise.Client.ExerciseConnection console, long first, int count)
    {
        var received = new List<(LiveEvent, DateTimeOffset)>(count);
        var clock = Stopwatch.StartNew();
        var start = DateTimeOffset.UtcNow;
        await foreach (var e in console.Events.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            if (e.Seq < first) continue;
            received.Add((e, start + clock.Elapsed));
            if (received.Count == count) break;
        }
        return received;
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
