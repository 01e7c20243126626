using CiExercise.Contracts.Ports;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>
/// Invariant 3 as a console sees it: across a client going away and a restart of the whole server, the events a staff console is handed are seqs 1..N, each once.
/// </summary>
public sealed class ReplayTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_console_that_reconnects_with_its_last_seq_misses_nothing_and_repeats_nothing()
    {
        await using var factory = new ServerFactory(_directory.Path);
        var hub = new HubHarness(factory);
        var id = await hub.CreateExerciseAsync();
        var token = (await hub.IssueAsync(PrincipalKind.Controller, id)).Token;
        var (first, firstEvents) = await hub.SubscribeAsync(token, id);
        await hub.Exercise(id).Start(HubHarness.Control);
        await hub.Exercise(id).JumpToNextInject(HubHarness.Control);
        await firstEvents.WaitForAsync(e => e.Count >= 4, "the first console sees the start and the first deliveries");
        await first.DisposeAsync();
        // A console resumes from the highest seq it has shown; events can still arrive until it disconnects.
        var seenFirst = firstEvents.Snapshot();
        var lastSeq = seenFirst[^1].Seq;

        await hub.Exercise(id).JumpToNextInject(HubHarness.Control);
        var (second, secondEvents) = await hub.SubscribeAsync(token, id, lastSeq);
        await hub.Exercise(id).JumpToNextInject(HubHarness.Control);

        var total = await LastSeqAsync(factory, id);
        await secondEvents.WaitForAsync(e => e.Count > 0 && e[^1].Seq == total, "the second console reaches the end of the log");
        AssertContiguous(total, seenFirst.Concat(secondEvents.Snapshot()).Select(e => e.Seq));
        await second.DisposeAsync();
    }

    [Fact]
    public async Task A_console_resumes_after_the_server_restarts_on_the_same_database()
    {
        string id;
        long lastSeq;
        List<long> seen;
        await using (var before = new ServerFactory(_directory.Path))
        {
            var hub = new HubHarness(before);
            id = await hub.CreateExerciseAsync();
            var (connection, events) = await hub.SubscribeAsync((await hub.IssueAsync(PrincipalKind.Controller, id)).Token, id);
            await hub.Exercise(id).Start(HubHarness.Control);
            await hub.Exercise(id).JumpToNextInject(HubHarness.Control);
            var total = await LastSeqAsync(before, id);
            await events.WaitForAsync(e => e.Count > 0 && e[^1].Seq == total, "the console sees everything before the restart");
            lastSeq = connection.LastSeq(id);
            seen = [.. events.Snapshot().Select(e => e.Seq)];
            await connection.DisposeAsync();
        }

        await using var after = new ServerFactory(_directory.Path);
        var restarted = new HubHarness(after);
        await restarted.Exercise(id).JumpToNextInject(HubHarness.Control);
        var (resumed, resumedEvents) = await restarted.SubscribeAsync((await restarted.IssueAsync(PrincipalKind.Controller, id)).Token, id, lastSeq);
        await restarted.Exercise(id).JumpToNextInject(HubHarness.Control);

        var end = await LastSeqAsync(after, id);
        await resumedEvents.WaitForAsync(e => e.Count > 0 && e[^1].Seq == end, "the resumed console reaches the end of the log");
        AssertContiguous(end, seen.Concat(resumedEvents.Snapshot().Select(e => e.Seq)));
        await resumed.DisposeAsync();
    }

    private static void AssertContiguous(long total, IEnumerable<long> seqs) =>
        Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), seqs);

    private static async Task<long> LastSeqAsync(ServerFactory factory, string id) =>
        (await factory.Services.GetRequiredService<IEventLog>().ReadAsync(id, 0, 10_000, TestContext.Current.CancellationToken))[^1].Seq;

    public void Dispose() => _directory.Dispose();
}
