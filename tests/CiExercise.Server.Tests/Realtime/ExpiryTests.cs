using CiExercise.Client;
using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>
/// A token that expires closes its live connection at its expiry, on the server's clock: the clock is a
/// FakeTimeProvider, so the test moves past the expiry itself instead of racing a short-lived token.
/// </summary>
public sealed class ExpiryTests : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ServerFactory _server;
    private readonly HubHarness _hub;

    public ExpiryTests()
    {
        _server = new ServerFactory(_directory.Path, configureServices: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));
        _hub = new HubHarness(_server);
    }

    [Fact]
    public async Task An_expiring_token_closes_its_connection_when_it_expires_and_not_before()
    {
        var id = await _hub.CreateExerciseAsync();
        var link = await _hub.IssueAsync(PrincipalKind.Observer, id, lifetime: TimeSpan.FromMinutes(5));
        await using var console = await _hub.ConnectAsync(link.Token, webSockets: true);
        await console.Subscribe(id, 0).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        var closed = StateWatcher.WaitForAsync(console, ExerciseConnectionState.Closed);

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        // Still good a second before its expiry: the console can read.
        await console.GetExercise(id).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        Assert.False(closed.IsCompleted, "closed before the token expired");

        _time.Advance(TimeSpan.FromSeconds(1));
        await closed;
        Assert.Equal(ClosingReasons.TokenExpired, console.ClosingReason);
        await ClosingTests.AssertRefusedAsync(_hub, link.Token, webSockets: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }
}
