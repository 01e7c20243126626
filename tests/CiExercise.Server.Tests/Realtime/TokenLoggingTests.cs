using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>
/// Browsers carry the hub token in the WebSocket's query string, so an operator who turns logging up to
/// Verbose must still find no token in the logs: not in a message, not in a property.
/// </summary>
public sealed class TokenLoggingTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    // Everything that sees an HTTP request logs at Verbose; Orleans, Quartz and Polly never see one and would only slow the test.
    private static readonly Dictionary<string, string?> Verbose = new()
    {
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Hosting"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Routing"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.SignalR"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Http.Connections"] = "Verbose",
    };

    [Fact]
    public async Task A_websocket_session_with_the_token_in_its_query_logs_no_token()
    {
        await using var factory = new ServerFactory(_directory.Path, Verbose);
        var hub = new HubHarness(factory);
        var id = await hub.CreateExerciseAsync();
        var link = await hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff");
        var refusedLink = await hub.IssueAsync(PrincipalKind.Participant, "elsewhere", "bank", "staff");

        var (console, events) = await hub.SubscribeAsync(link.Token, id, webSockets: true);
        await hub.Exercise(id).Start(HubHarness.Control);
        await events.WaitForAsync(e => e.Count > 0, "the console sees the start");
        await Assert.ThrowsAnyAsync<Exception>(() => console.GetOrganization(id, "power"));
        await hub.Services.GetRequiredService<JoinLinkService>().RevokeAsync(link.Link.Id, TestContext.Current.CancellationToken);
        await StateWatcher.WaitForAsync(console, Client.ExerciseConnectionState.Closed);
        await Assert.ThrowsAnyAsync<Exception>(() => hub.ConnectAsync(link.Token, webSockets: true));
        await using (var other = await hub.ConnectAsync(refusedLink.Token, webSockets: true))
            await Assert.ThrowsAnyAsync<Exception>(() => other.Subscribe(id, 0));
        // The WebSocket requests are logged when they end; wait for both sessions' to be sure they are in.
        await Eventually.WaitAsync(() => Task.FromResult(HubSessionsLogged(factory)), n => n >= 2, "both hub sessions are logged");
        await console.DisposeAsync();

        var logs = factory.Logs.Events;
        Assert.Contains(logs, e => e.Level == LogEventLevel.Verbose);
        // The whole token is the credential; its unsigned part still says whose it is and should not leak either.
        var secrets = new[] { link.Token, refusedLink.Token }.SelectMany(t => new[] { t, t[..t.LastIndexOf('.')] }).ToArray();
        var leaks = logs.Select(Render).Where(text => secrets.Any(s => text.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log events hold a token:\n{string.Join("\n---\n", leaks)}");
    }

    /// <summary>The message, every property, and the exception, as a sink could write them.</summary>
    private static string Render(LogEvent e) =>
        string.Join("\n", [e.RenderMessage(), e.MessageTemplate.Text, .. e.Properties.Select(p => $"{p.Key}={p.Value}"), e.Exception?.ToString() ?? ""]);

    private static int HubSessionsLogged(ServerFactory factory) =>
        factory.Logs.Events.Count(e => CapturedLogs.Text(e, "RequestPath") == HubRoutes.Exercise && CapturedLogs.Text(e, "StatusCode") == "101");

    public void Dispose() => _directory.Dispose();
}
