using CiExercise.Client;
using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using CiExercise.Server.Throttling;
using CiExercise.Server.Realtime;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace CiExercise.Server.Tests.Limits;

/// <summary>One token cannot hold more hub connections than it may, nor one connection call faster than it may.</summary>
public sealed class HubLimitTests(SmallLimitsFixture server) : IClassFixture<SmallLimitsFixture>
{
    private readonly HubHarness _hub = new(server.Factory);

    [Fact]
    public async Task A_token_over_its_connection_cap_is_closed_with_a_reason_and_its_other_connections_stay()
    {
        var id = await _hub.CreateExerciseAsync();
        var link = await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff");
        var other = await _hub.IssueAsync(PrincipalKind.Participant, id, "power", "staff");
        await using var first = await _hub.ConnectAsync(link.Token);
        await using var second = await _hub.ConnectAsync(link.Token, webSockets: true);

        await using var third = await _hub.ConnectAsync(link.Token);
        await StateWatcher.WaitForAsync(third, ExerciseConnectionState.Closed);
        // The client runs message handlers apart from its receive loop: Closed may be raised before the Closing handler ran.
        await Eventually.WaitAsync(() => Task.FromResult(third.ClosingReason), reason => reason is not null, "the console is told why");
        await using var someoneElse = await _hub.ConnectAsync(other.Token);

        Assert.Equal(ClosingReasons.ConnectionLimit, third.ClosingReason);
        Assert.Equal(ExerciseConnectionState.Connected, first.State);
        Assert.Equal(ExerciseConnectionState.Connected, someoneElse.State);
        await first.GetExercise(id).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        // The fixture's log is shared by the class's tests: this link's refusal is one warning.
        var warning = Assert.Single(server.Factory.Logs.Events,
            e => CapturedLogs.Text(e, "Code") == LimitRefusals.HubConnections && CapturedLogs.Text(e, "LinkId") == link.Link.Id);
        Assert.Equal(LogEventLevel.Warning, warning.Level);

        // A closed connection gives its place back.
        await second.DisposeAsync();
        var connections = _hub.Services.GetRequiredService<HubConnections>();
        await Eventually.WaitAsync(() => Task.FromResult(connections.CountOf(link.Link.Id)), count => count == 1, "the server drops the closed connection");
        await using var again = await _hub.ConnectAsync(link.Token);
        await again.GetExercise(id).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_connection_over_its_call_rate_is_refused_with_a_code_and_another_connection_is_not()
    {
        var id = await _hub.CreateExerciseAsync();
        var link = await _hub.IssueAsync(PrincipalKind.Observer, id);
        await using var busy = await _hub.ConnectAsync(link.Token);
        await using var calm = await _hub.ConnectAsync(link.Token);

        for (var i = 0; i < SmallLimitsFixture.Burst; i++)
            await busy.GetExercise(id).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<ExerciseHubException>(() => busy.GetExercise(id));
        await calm.GetExercise(id).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(LimitRefusals.HubCalls, refused.Code);
        Assert.Contains("Try again in", refused.Message);
        var warning = Assert.Single(server.Factory.Logs.Events,
            e => CapturedLogs.Text(e, "Code") == LimitRefusals.HubCalls && CapturedLogs.Text(e, "ConnectionId") == busy.ConnectionId);
        Assert.Equal(LogEventLevel.Warning, warning.Level);
        Assert.DoesNotContain(link.Token, warning.RenderMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_for_limits_are_warnings_not_errors()
    {
        var id = await _hub.CreateExerciseAsync();
        var link = await _hub.IssueAsync(PrincipalKind.Observer, id);
        await using var first = await _hub.ConnectAsync(link.Token);
        await using var second = await _hub.ConnectAsync(link.Token);
        await using var third = await _hub.ConnectAsync(link.Token);
        await StateWatcher.WaitForAsync(third, ExerciseConnectionState.Closed);
        for (var i = 0; i < SmallLimitsFixture.Burst; i++)
            await first.GetExercise(id).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<ExerciseHubException>(() => first.GetExercise(id));

        Assert.Empty(server.Factory.Logs.Events.Where(e => e.Level >= LogEventLevel.Error)
            .Select(e => $"{CapturedLogs.Text(e, "SourceContext")}: {e.RenderMessage()} {e.Exception?.GetType().Name}"));
    }
}
