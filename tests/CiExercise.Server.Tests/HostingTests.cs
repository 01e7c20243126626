using System.Net;
using System.Text.Json;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests;

public sealed class HostingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task Serves_the_OpenAPI_document_with_every_API_group()
    {
        using var response = await _api.Http.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("/api/scenarios", paths);
        Assert.Contains("/api/scenarios/validate", paths);
        Assert.Contains("/api/exercises", paths);
        Assert.Contains("/api/exercises/{id}/speed", paths);
        Assert.Contains("/api/exercises/{id}/organizations/{orgId}/decisions", paths);
        Assert.Contains("/api/exercises/{id}/events", paths);
    }

    [Fact]
    public async Task The_root_opens_the_consoles()
    {
        using var response = await _api.Http.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_root_points_to_the_rest_of_the_API()
    {
        var index = await _api.GetAsync<CiExercise.Server.Endpoints.IndexEndpoints.ServiceIndex>("/api");

        Assert.Equal(("/api/exercises", "/openapi/v1.json"), (index.Exercises, index.OpenApi));
    }

    [Fact]
    public async Task Live_answers_while_the_process_is_up()
    {
        using var response = await _api.Http.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ready_once_storage_silo_and_scheduler_are_up()
    {
        var status = await Eventually.WaitAsync(
            async () =>
            {
                using var response = await _api.Http.GetAsync("/health/ready");
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            },
            r => r.StatusCode == HttpStatusCode.OK, "the server reports ready");

        using var report = JsonDocument.Parse(status.Body);
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks");
        foreach (var check in new[] { "storage", "silo", "scheduler" })
            Assert.Equal("Healthy", checks.GetProperty(check).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_routes_get_problem_details()
    {
        using var response = await _api.Http.GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
