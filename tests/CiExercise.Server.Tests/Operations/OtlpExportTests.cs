using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CiExercise.Server.Telemetry;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CiExercise.Server.Tests.Operations;

/// <summary>
/// With Telemetry:Otlp:Endpoint set, metrics and traces reach the collector (here a listener that keeps what it is
/// sent): the event log's commit spans and our instruments among them. Spans and instrument names are strings in the
/// protobuf payload, so they are looked for as bytes. Runs alone with MetricsTests, for the same reason (a server of
/// another class stopping meanwhile ends instrument streams this server's exporter reads; it failed once beside builds).
/// </summary>
[Collection(nameof(MetricsTests))]
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _received = new();
    private WebApplication _collector = null!;
    private int _port;

    public async ValueTask InitializeAsync()
    {
        _port = ServerFactory.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        _collector = builder.Build();
        _collector.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            _received.GetOrAdd(signal, _ => new()).Enqueue(body.ToArray());
            return Results.Ok();
        });
        await _collector.StartAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Metrics_and_traces_reach_the_collector_over_http()
    {
        await using var server = new ServerFactory(_directory.Path, new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{_port}",
            ["Telemetry:Otlp:Protocol"] = "http",
            // The SDK's own settings, read from configuration: export every half second rather than every minute.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        var api = await server.SignInAsync(TestPrincipals.ControllerOfAll);
        var id = (await api.CreateExerciseAsync()).Id;
        await api.CommandAsync(id, "start");

        await Eventually.WaitAsync(() => Task.FromResult(Contains("traces", "eventlog.commit") && Contains("metrics", "ciex.eventlog.group.rows")),
            found => found, "the collector has the event log's commit spans and its group sizes", TimeSpan.FromSeconds(60));
        Assert.True(Contains("traces", "POST /api/exercises"), "no span of the HTTP requests");
    }

    [Theory]
    [InlineData("Telemetry:Otlp:Endpoint", "collector:4317")]
    [InlineData("Telemetry:Otlp:Endpoint", "ftp://collector")]
    [InlineData("Telemetry:Otlp:Protocol", "udp")]
    public void A_wrong_setting_stops_the_start_with_the_setting_named(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Endpoint"] = "http://collector:4317",
            [key] = value,
        }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => TelemetryOptions.From(configuration));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_prometheus_only()
    {
        var options = TelemetryOptions.From(new ConfigurationBuilder().Build());
        Assert.Equal(new TelemetryOptions(Prometheus: true, OtlpEndpoint: null, OtlpHttp: false, Dashboard: false), options);
    }

    private bool Contains(string signal, string text) =>
        _received.TryGetValue(signal, out var payloads) && payloads.Any(p => Encoding.UTF8.GetString(p).Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _collector.DisposeAsync();
        _directory.Dispose();
    }
}
