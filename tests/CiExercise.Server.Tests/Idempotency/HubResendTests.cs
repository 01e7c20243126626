using CiExercise.Client;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;

namespace CiExercise.Server.Tests.Idempotency;

/// <summary>A console that resends its actions on a new connection: each is recorded once; a bad or reused key is refused.</summary>
public sealed class HubResendTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HubHarness _hub = new(server.Factory);

    private async Task<(string Id, string Token)> StartedAsync()
    {
        var id = await _hub.CreateExerciseAsync();
        await _hub.Exercise(id).Start(HubHarness.Control);
        return (id, (await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token);
    }

    [Fact]
    public async Task A_message_resent_after_a_reconnect_is_recorded_once_and_its_key_is_not_reused()
    {
        var (id, token) = await StartedAsync();
        var message = new OutgoingMessage(["power"], "Status", "Online banking is down.", null, null);
        var key = Guid.NewGuid().ToString("D");

        ActionReceipt first;
        await using (var before = await _hub.ConnectAsync(token)) first = await before.SendMessage(id, message, key);
        await using var after = await _hub.ConnectAsync(token);
        var again = await after.SendMessage(id, message, key);
        var reused = await Assert.ThrowsAsync<ExerciseHubException>(() => after.SendMessage(id, message with { Body = "Restored." }, key));

        Assert.Equal((first.Seq, false, true), (again.Seq, first.Duplicate, again.Duplicate));
        Assert.Equal(ClientActionId.ReusedCode, reused.Code);
        var events = await server.Api.EventsAsync(id);
        Assert.Single(events, e => e.Kind == EventKind.MessageSent);
        Assert.Single(events, e => e.Kind == EventKind.MessageReceived);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(20_000)]
    public async Task An_oversize_key_is_refused_before_anything_is_stored(int length)
    {
        var (id, token) = await StartedAsync();
        await using var console = await _hub.ConnectAsync(token);
        var before = (await server.Api.EventsAsync(id)).Count;

        var refused = await Assert.ThrowsAsync<ExerciseHubException>(() =>
            console.Decide(id, "i1-alert", null, "Block the address range", null, new string('k', length)));

        Assert.Equal(ClientActionId.InvalidCode, refused.Code);
        Assert.Contains("100", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await server.Api.EventsAsync(id)).Count);
    }
}
