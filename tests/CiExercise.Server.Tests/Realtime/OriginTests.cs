using System.Net;
using System.Net.Http.Headers;
using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using Serilog.Events;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>A server that also trusts one other origin, the consoles' when served from elsewhere.</summary>
public sealed class OriginFixture : ServerFixture
{
    public const string Trusted = "https://consoles.example";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Identity:AllowedOrigins:0"] = Trusted };
}

/// <summary>Any web page may make a browser open a WebSocket: the hub takes browsers only from its own or listed origins.</summary>
public sealed class OriginTests(OriginFixture server) : IClassFixture<OriginFixture>
{
    private const string Foreign = "http://evil.example";

    private readonly HubHarness _hub = new(server.Factory);

    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    [InlineData(OriginFixture.Trusted, HttpStatusCode.OK)]
    [InlineData(Foreign, HttpStatusCode.Forbidden)]
    [InlineData("http://localhost.evil.example", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    public async Task Negotiate_is_answered_by_origin(string? origin, HttpStatusCode expected)
    {
        var token = (await _hub.IssueAsync(PrincipalKind.Observer, "any")).Token;
        var before = RefusalsOf(origin).Count;
        using var http = server.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{HubRoutes.Exercise}/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (origin is not null) request.Headers.Add("Origin", origin);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Forbidden ? before + 1 : before, RefusalsOf(origin).Count);
    }

    [Fact]
    public async Task A_websocket_from_a_foreign_origin_is_refused_and_one_from_home_connects()
    {
        var token = (await _hub.IssueAsync(PrincipalKind.Observer, "any")).Token;
        var before = RefusalsOf(Foreign).Count;

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync(Foreign, token));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, RefusalsOf(Foreign).Count);

        using var socket = await OpenAsync("http://localhost", token);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
    }

    private Task<System.Net.WebSockets.WebSocket> OpenAsync(string origin, string token)
    {
        var client = server.Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Origin = origin;
        var uri = new Uri(server.Factory.Server.BaseAddress, $"{HubRoutes.Exercise}?access_token={Uri.EscapeDataString(token)}");
        return client.ConnectAsync(new UriBuilder(uri) { Scheme = "ws" }.Uri, TestContext.Current.CancellationToken);
    }

    private List<LogEvent> RefusalsOf(string? origin) =>
        [.. server.Factory.Logs.Events.Where(e => e.Level == LogEventLevel.Warning && origin is not null && CapturedLogs.Text(e, "Origin") == origin)];
}
