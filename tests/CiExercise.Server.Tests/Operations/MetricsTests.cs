using System.Net;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;

namespace CiExercise.Server.Tests.Operations;

/// <summary>
/// The Prometheus scrape at /metrics, anonymous, with the instruments an operator watches on the day. Meters are
/// process-wide and other test classes' servers run beside this one, so each figure is checked to have grown by at
/// least what this test did. The class runs alone (its collection is not parallel): every server's OpenTelemetry
/// provider listens by meter name to every server's instruments in the process, and a server of another class that
/// stops meanwhile ends its instruments, and with them the streams this server's scrape sums (the suite under load
/// saw a figure never grow). In production one process is one server.
/// </summary>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task After_an_inject_the_scrape_shows_deliveries_acknowledgements_lateness_commits_and_the_hub()
    {
        var anonymous = server.Factory.Client(null);
        var before = await ScrapeAsync(anonymous);
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        await _api.WaitForExerciseAsync(id, v => v.Injects.Single(i => i.Inject.Id == "i1-alert").Status == InjectStatus.Fired, "the first inject fires");
        var participant = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        using (var ack = await participant.PostAsync($"/api/exercises/{id}/organizations/bank/acknowledgements", new { injectId = "i1-alert" }))
            Assert.Equal(HttpStatusCode.Created, ack.StatusCode);
        var hub = new HubHarness(server.Factory);
        var (console, events) = await hub.SubscribeAsync((await hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token, id);
        await using var _ = console;
        await events.WaitForAsync(e => e.Any(x => x.InjectId == "i1-alert"), "the console replays the delivery");

        string[] grown =
        [
            "ciex_injects_delivered_total", "ciex_injects_lateness_seconds_count", "ciex_injects_acknowledged_total",
            "ciex_injects_acknowledgement_latency_seconds_count", "ciex_events_recorded_total", "ciex_eventlog_group_rows_count",
            "ciex_eventlog_group_appends_count", "ciex_eventlog_commit_duration_seconds_count", "ciex_eventlog_append_duration_seconds_count",
            "ciex_hub_events_sent_total", "ciex_hub_delivery_lag_seconds_count", "ciex_hub_events_replayed_total", "ciex_hub_replay_size_count",
        ];
        var after = await Eventually.WaitAsync(() => ScrapeAsync(anonymous), now => grown.All(name => now.Delta(before, name) >= 1),
            "every instrument has counted this test's inject, acknowledgement, commits and replay");

        // Gauges and what comes from the parts we run on: present, whatever their value.
        Assert.All(["ciex_eventlog_queue_depth", "ciex_hub_connections", "http_server_request_duration_seconds_count"],
            name => Assert.True(after.Sum(name) is not null, $"{name} is not in the scrape:\n{after.Text}"));
        Assert.Contains("orleans_", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_is_not_there_unless_enabled()
    {
        using var response = await _api.Http.GetAsync("/dashboard/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await _api.GetAsync<CiExercise.Server.Endpoints.IndexEndpoints.ServiceIndex>("/api")).Dashboard);
    }

    private static async Task<PrometheusText> ScrapeAsync(ApiClient client)
    {
        using var response = await client.Http.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTestsRunAlone;
