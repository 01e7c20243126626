using System.Net;
using CiExercise.Server.Tests.Infrastructure;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace CiExercise.Server.Tests.Logging;

/// <summary>
/// What a client sends is logged as data: a CR/LF in a request path (sent as %0D%0A, decoded by the server
/// into the path and the route's ids) must not start a line of its own in what the server's console sink writes.
/// </summary>
public sealed class LogForgingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>The console sink's template from appsettings.json.</summary>
    private const string OutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    private const string Forged = "[00:00:00 ERR] Forged: every link revoked";

    [Fact]
    public async Task A_path_with_CR_LF_does_not_forge_a_log_line()
    {
        // Refused (no token): the refusal and the request are both logged, with the path and the exercise id.
        using var response = await server.Factory.Client(null).Http.GetAsync(
            $"/api/exercises/x%0D%0A{Uri.EscapeDataString(Forged)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        // The request's own line is written once the response has gone out.
        var logged = await Eventually.WaitAsync(() => Task.FromResult(Mentioning("Forged")),
            events => events.Any(e => CapturedLogs.Text(e, "StatusCode") == "401"), "the request is logged");
        var formatter = new MessageTemplateTextFormatter(OutputTemplate, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var e in logged)
        {
            using var writer = new StringWriter();
            formatter.Format(e, writer);
            var written = writer.ToString();
            Assert.True(written.IndexOfAny(['\r', '\n']) == written.Length - Environment.NewLine.Length,
                $"A log event writes more than one line:\n{written}");
        }
    }

    private List<LogEvent> Mentioning(string text) =>
        server.Factory.Logs.Events.Where(e => e.Properties.Values.Any(v => v.ToString().Contains(text, StringComparison.Ordinal))).ToList();
}
