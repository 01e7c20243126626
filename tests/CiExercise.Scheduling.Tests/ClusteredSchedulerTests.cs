using System.Collections.Concurrent;
using CiExercise.Storage;
using CiExercise.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CiExercise.Scheduling.Tests;

/// <summary>
/// Two nodes' storage and schedulers on one fresh PostgreSQL database, registered as the server registers them and
/// started together: they form one Quartz cluster, and every trigger either node stores fires once, on one of them.
/// </summary>
public sealed class ClusteredSchedulerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly StorageOptions _storage = new()
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = TestPostgreSql.SkipReason is null ? TestPostgreSql.NewDatabase("ciex_scheduling") : "",
    };

    private readonly ConcurrentBag<IHost> _nodes = [];

    [Fact]
    public async Task Two_nodes_form_one_cluster_and_each_trigger_fires_once()
    {
        if (TestPostgreSql.SkipReason is { } reason) Assert.Skip(reason);
        var cancellation = TestContext.Current.CancellationToken;
        // Started together, as a cluster's nodes are: both create the database, migrate and provision Quartz's tables.
        var started = await Task.WhenAll(StartNodeAsync(cancellation), StartNodeAsync(cancellation));
        var (a, b) = (started[0], started[1]);

        var metadata = new[] { await a.GetMetadata(cancellation), await b.GetMetadata(cancellation) };
        Assert.All(metadata, m => Assert.True(m.JobStoreClustered, $"{m.SchedulerInstanceId} is not clustered"));
        Assert.Equal(metadata[0].SchedulerName, metadata[1].SchedulerName);
        Assert.NotEqual(metadata[0].SchedulerInstanceId, metadata[1].SchedulerInstanceId);
        // Each node comes to see the other checked in to the same cluster (the first check-in follows the start).
        var both = metadata.Select(m => m.SchedulerInstanceId).Order().ToList();
        foreach (var scheduler in new[] { a, b })
        {
            await UntilAsync(async () => (await scheduler.QueryClusterNodes(cancellation)).Select(n => n.InstanceId).Order().SequenceEqual(both), cancellation);
        }

        // Triggers stored by both nodes, due together: each node's acquisition competes for all of them.
        var run = Guid.NewGuid().ToString("N");
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(1);
        const int triggers = 40;
        for (var i = 0; i < triggers; i++)
        {
            var job = JobBuilder.Create<CountingJob>().WithIdentity($"{run}-{i}", run).Build();
            var trigger = TriggerBuilder.Create().WithIdentity($"{run}-{i}", run).StartAt(dueAt).Build();
            await (i % 2 == 0 ? a : b).ScheduleJob(job, trigger, default, cancellation);
        }

        // Done when every job ran and nothing is left to fire or still running on either node: a second firing of a
        // trigger could only have happened by then.
        await UntilAsync(async () => CountingJob.Firings(run).Count == triggers && await IdleAsync(a, run), cancellation);

        var fired = CountingJob.Firings(run);
        Assert.Equal(triggers, fired.Count);
        Assert.All(fired, f => Assert.Equal(1, f.Value));
    }

    private async Task<IScheduler> StartNodeAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddCiExerciseStorage(_storage).AddCiExerciseScheduling(_storage);
        var node = builder.Build();
        _nodes.Add(node);
        await node.StartAsync(cancellationToken);
        return await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.StopAsync(CancellationToken.None);
            node.Dispose();
        }

        if (TestPostgreSql.SkipReason is null) await TestPostgreSql.DropAsync(_storage.ConnectionString);
    }

    /// <summary>No trigger of the group left in the store and none of its firings in flight, on any node.</summary>
    private static async Task<bool> IdleAsync(IScheduler scheduler, string group) =>
        (await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(group) })).Items.Count == 0
        && (await scheduler.QueryFireInstances(new FireInstanceQuery { TriggerGroup = GroupMatcher<TriggerKey>.GroupEquals(group) })).Items.Count == 0;

    /// <summary>Checks the condition until it holds; fails after the timeout.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    /// <summary>Counts its firings per job, across both nodes (one process).</summary>
    private sealed class CountingJob : IJob
    {
        private static readonly ConcurrentDictionary<JobKey, int> Counts = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Counts.AddOrUpdate(context.JobDetail.Key, 1, (_, n) => n + 1);
            return ValueTask.CompletedTask;
        }

        public static Dictionary<JobKey, int> Firings(string group) =>
            Counts.Where(c => c.Key.Group == group).ToDictionary(c => c.Key, c => c.Value);
    }
}
