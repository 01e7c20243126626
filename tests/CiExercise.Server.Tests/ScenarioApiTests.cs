using System.Net;
using System.Text;
using System.Text.Json;
using CiExercise.Server.Scenarios;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests;

public sealed class ScenarioApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task Lists_the_loaded_scenarios_with_their_counts_and_file()
    {
        var scenarios = await _api.GetAsync<ScenarioSummary[]>("/api/scenarios");

        var test = Assert.Single(scenarios, s => s.Id == TestScenario.Id);
        Assert.Equal("Server functional test", test.Title.En);
        Assert.Equal("サーバ機能試験", test.Title.Ja);
        Assert.Equal(TestScenario.Organizations.Length, test.Organizations);
        Assert.Equal(TestScenario.Injects.Length, test.Injects);
        Assert.Equal(TimeSpan.FromHours(4), test.PlannedDuration);
        Assert.Equal("server-test.yaml", test.File);
    }

    [Fact]
    public async Task Serves_a_whole_scenario_with_kebab_case_enums()
    {
        using var response = await _api.Http.GetAsync($"/api/scenarios/{TestScenario.Id}", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var organizations = json.RootElement.GetProperty("organizations");
        Assert.Equal("electric-power", organizations[2].GetProperty("sector").GetString());
        Assert.Equal("system-alert", json.RootElement.GetProperty("injects")[0].GetProperty("channel").GetString());
    }

    [Fact]
    public async Task An_unknown_scenario_is_a_problem_404()
    {
        using var response = await _api.Http.GetAsync("/api/scenarios/no-such-scenario", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("scenario.not-found", problem.Code);
    }

    [Fact]
    public async Task A_valid_upload_is_reported_valid()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(ServerFactory.TestScenarios, "server-test.yaml"), TestContext.Current.CancellationToken);

        var report = await ValidateAsync(yaml, "text/yaml");

        Assert.True(report.Valid, string.Join("\n", report.Diagnostics.Select(d => d.Text)));
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == CiExercise.Scenarios.DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task An_invalid_upload_is_reported_with_line_and_column()
    {
        var yaml = (await File.ReadAllTextAsync(Path.Combine(ServerFactory.TestScenarios, "server-test.yaml"), TestContext.Current.CancellationToken))
            .Replace("    sector: water\n", "    sector: water\n    colour: blue\n", StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("colour: blue", StringComparison.Ordinal)) + 1;

        var report = await ValidateAsync(yaml, "application/yaml");

        Assert.False(report.Valid);
        var finding = Assert.Single(report.Diagnostics, d => d.Severity == CiExercise.Scenarios.DiagnosticSeverity.Error);
        Assert.Equal((line, 5), (finding.Line, finding.Column));
        Assert.Equal(ScenarioEndpointsUploadPath, finding.Path);
        Assert.Equal($"{ScenarioEndpointsUploadPath}:{line}:5: error {finding.Code}: {finding.Message}", finding.Text);
        Assert.Contains("colour", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_uploads_are_refused_as_not_text()
    {
        using var content = new ByteArrayContent([0xff, 0xfe, 0x00, 0x01]);
        content.Headers.ContentType = new("text/plain");
        using var response = await _api.Http.PostAsync("/api/scenarios/validate", content, TestContext.Current.CancellationToken);

        var report = await ApiClient.ReadAsync<ValidationReport>(response, HttpStatusCode.OK);
        Assert.False(report.Valid);
        Assert.Equal(CiExercise.Scenarios.DiagnosticCodes.NotText, Assert.Single(report.Diagnostics).Code);
    }

    [Fact]
    public async Task Uploads_over_the_size_limit_are_refused_413()
    {
        var huge = new string('#', CiExercise.Scenarios.ScenarioLimits.MaxFileBytes + 1);
        using var content = new StringContent(huge, Encoding.UTF8, "text/yaml");
        using var response = await _api.Http.PostAsync("/api/scenarios/validate", content, TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("scenario.too-large", problem.Code);
    }

    [Fact]
    public async Task Uploads_that_are_not_yaml_text_are_refused_415()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await _api.Http.PostAsync("/api/scenarios/validate", content, TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("scenario.media-type", problem.Code);
    }

    private const string ScenarioEndpointsUploadPath = CiExercise.Server.Endpoints.ScenarioEndpoints.UploadPath;

    private async Task<ValidationReport> ValidateAsync(string yaml, string mediaType)
    {
        using var content = new StringContent(yaml, Encoding.UTF8, mediaType);
        using var response = await _api.Http.PostAsync("/api/scenarios/validate", content, TestContext.Current.CancellationToken);
        return await ApiClient.ReadAsync<ValidationReport>(response, HttpStatusCode.OK);
    }
}
