using CiExercise.Client;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Identity;
using CiExercise.Server.Realtime;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Storage.EventLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>
/// The node's feed loses a committed group (its buffer was full): the consoles still get every event, read
/// back from the log, whether a later group reveals the gap or the lost group was the last one. The server
/// runs on a FakeTimeProvider, so the bridge's periodic check runs when the test moves the clock.
/// </summary>
public sealed class GapFillTests : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly DroppingFeed _feed = new();
    private readonly ServerFactory _server;
    private readonly HubHarness _hub;

    public GapFillTests()
    {
        _server = new ServerFactory(_directory.Path, configureServices: services => services
            .Replace(ServiceDescriptor.Singleton<TimeProvider>(_time))
            .Replace(ServiceDescriptor.Singleton<IEventFeed>(sp => _feed.Over(sp.GetRequiredService<SqlEventLog>()))));
        _hub = new HubHarness(_server);
    }

    /// <summary>A controller's console subscribed to a started exercise whose next inject's group the feed drops.</summary>
    private async Task<(string Id, ExerciseConnection Connection, EventCollector Events)> FireWithTheGroupDroppedAsync()
    {
        var id = await _hub.CreateExerciseAsync();
        var (connection, events) = await _hub.SubscribeAsync((await _hub.IssueAsync(PrincipalKind.Controller, id)).Token, id);
        await _hub.Exercise(id).Start(HubHarness.Control);
        _feed.DropNext(group => group.Any(e => e.ExerciseId == id && e.Kind == EventKind.InjectFired && e.InjectId == "i2-outage"));
        await _hub.Exercise(id).JumpToNextInject(HubHarness.Control);
        await _feed.Dropped.WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        return (id, connection, events);
    }

    [Fact]
    public async Task A_dropped_group_is_read_from_the_log_when_the_next_group_shows_the_gap()
    {
        var (id, connection, events) = await FireWithTheGroupDroppedAsync();
        await using var _ = connection;
        await _hub.Exercise(id).Pause(HubHarness.Control);

        var seen = await events.WaitForAsync(e => e.Any(x => x.Kind == EventKind.ExercisePaused), "the pause reaches the console");
        Assert.Equal((await ReadLogAsync(id)).Select(e => e.Seq), seen.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_dropped_last_group_is_read_from_the_log_at_the_bridges_next_checks()
    {
        var (id, connection, events) = await FireWithTheGroupDroppedAsync();
        await using var _ = connection;
        var log = (await ReadLogAsync(id)).Select(e => e.Seq).ToArray();

        // Nothing follows the lost group. Each step is one check interval on the server's clock; the bridge
        // reads what the log held at its previous check, so two steps suffice, more are allowed for its loop to turn.
        var deadline = DateTime.UtcNow + HubHarness.Timeout;
        while (events.Snapshot().Count < log.Length && DateTime.UtcNow < deadline)
        {
            _time.Advance(RealtimeBridge.TailCheckInterval);
            await events.ChangedAsync().WaitAsync(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        Assert.Equal(log, events.Snapshot().Select(e => e.Seq));
        Assert.Contains(events.Snapshot(), e => e.Kind == EventKind.InjectFired && e.InjectId == "i2-outage");
    }

    private Task<IReadOnlyList<ExerciseEvent>> ReadLogAsync(string id) =>
        _server.Services.GetRequiredService<IEventLog>().ReadAsync(id, 0, 10_000, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>The node's feed, except that it loses the next group a test names, as a full buffer would.</summary>
    private sealed class DroppingFeed
    {
        private readonly TaskCompletionSource _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Func<IReadOnlyList<ExerciseEvent>, bool>? _drop;

        public Task Dropped => _dropped.Task;

        public void DropNext(Func<IReadOnlyList<ExerciseEvent>, bool> which) => Volatile.Write(ref _drop, which);

        public IEventFeed Over(IEventFeed inner) => new Feed(this, inner);

        private bool Drops(IReadOnlyList<ExerciseEvent> group)
        {
            if (Volatile.Read(ref _drop) is not { } drop || !drop(group)) return false;
            Volatile.Write(ref _drop, null);
            _dropped.TrySetResult();
            return true;
        }

        private sealed class Feed(DroppingFeed owner, IEventFeed inner) : IEventFeed
        {
            public IDisposable Subscribe(Func<IReadOnlyList<ExerciseEvent>, CancellationToken, ValueTask> handler) =>
                inner.Subscribe((group, cancellationToken) => owner.Drops(group) ? ValueTask.CompletedTask : handler(group, cancellationToken));
        }
    }
}
