using System.Net;
using CiExercise.Client;
using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>A token that stops being good closes its live connections at once, says why, and cannot connect again.</summary>
public sealed class ClosingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HubHarness _hub = new(server.Factory);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_revoked_token_closes_its_connection_and_cannot_reconnect(bool webSockets)
    {
        var id = await _hub.CreateExerciseAsync();
        var link = await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff");
        await using var console = await _hub.ConnectAsync(link.Token, webSockets);
        await console.Subscribe(id, 0).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);

        var closed = StateWatcher.WaitForAsync(console, ExerciseConnectionState.Closed);
        await _hub.Services.GetRequiredService<JoinLinkService>().RevokeAsync(link.Link.Id, TestContext.Current.CancellationToken);
        await closed;

        Assert.Equal(ClosingReasons.TokenRevoked, console.ClosingReason);
        await AssertRefusedAsync(link.Token, webSockets);
    }

    private Task AssertRefusedAsync(string token, bool webSockets) => AssertRefusedAsync(_hub, token, webSockets);

    internal static async Task AssertRefusedAsync(HubHarness hub, string token, bool webSockets)
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.ConnectAsync(token, webSockets));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
