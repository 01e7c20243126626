using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Model;
using CiExercise.Server.Exercises;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Reports;

/// <summary>A second server, with its own data folder, that imports what the first one exports.</summary>
public sealed class SecondServer : ServerFixture
{
    public const long ImportBytes = 1_000_000;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Limits:ImportBytes"] = ImportBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>
/// An exercise played on one server, exported, imported on another and reviewed there with the same figures; an
/// imported exercise refuses play and is never woken; a bad import changes nothing.
/// </summary>
public sealed class ExportImportTests(ServerFixture first, SecondServer second) : IClassFixture<ServerFixture>, IClassFixture<SecondServer>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exported_exercise_imported_elsewhere_reviews_the_same_and_is_read_only()
    {
        var id = (await first.Api.CreateExerciseAsync()).Id;
        await first.Api.CommandAsync(id, "start");
        await first.Api.WaitForExerciseAsync(id, v => v.Injects.Any(i => i.Inject.Id == "i1-alert" && i.Status == InjectStatus.Fired), "i1 fired");
        var running = await ExportAsync(id);
        var bank = await first.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        using (var ack = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/acknowledgements", new { injectId = "i1-alert" }))
            Assert.Equal(HttpStatusCode.Created, ack.StatusCode);
        await first.Api.CommandAsync(id, "speed", new { speed = 3600 });
        await first.Api.WaitForExerciseAsync(id, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject fired");
        await first.Api.CommandAsync(id, "end");
        var export = await ExportAsync(id);

        using (var imported = await ImportAsync(export))
            Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        var original = await first.Api.GetAsync<JsonObject>($"/api/exercises/{id}/review");
        var copy = await second.Api.GetAsync<JsonObject>($"/api/exercises/{id}/review");
        Assert.Equal(original.ToJsonString(), copy.ToJsonString());
        var review = copy.Deserialize<ExerciseReview>(ScenarioJson.Options)!;
        Assert.Equal(ExerciseStatus.Ended, review.Status);
        Assert.Contains(review.Kpis.Responses, r => r is { InjectId: "i1-alert", OrganizationId: "bank", AcknowledgedByRole: "staff" });
        Assert.Equal(
            (await first.Api.EventsAsync(id)).Select(e => (e.Seq, e.Kind, e.WallTime, e.ScenarioTime)),
            (await second.Api.EventsAsync(id)).Select(e => (e.Seq, e.Kind, e.WallTime, e.ScenarioTime)));

        var listed = await second.Api.GetAsync<ExerciseSummary[]>("/api/exercises");
        Assert.True(Assert.Single(listed, e => e.Id == id).Imported);
        using (var again = await ImportAsync(export))
            Assert.Equal("exercise.exists", (await ProblemAssert.ReadAsync(again, HttpStatusCode.Conflict)).Code);

        // Imported while it ran (?id= another id): a running record, yet never woken, and no command or action is taken.
        using (var copied = await ImportAsync(running, "?id=running-copy"))
            Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        Assert.DoesNotContain("running-copy", await second.Factory.Services.GetRequiredService<IExerciseCatalog>().ListRunningAsync(Cancel));
        using (var pause = await second.Api.PostAsync("/api/exercises/running-copy/pause"))
            Assert.Equal("exercise.read-only", (await ProblemAssert.ReadAsync(pause, HttpStatusCode.Conflict)).Code);
        using (var start = await second.Api.PostAsync($"/api/exercises/{id}/start"))
            Assert.Equal("exercise.read-only", (await ProblemAssert.ReadAsync(start, HttpStatusCode.Conflict)).Code);
        var participant = await second.Factory.SignInAsync(TestPrincipals.Participant("running-copy", "bank", "staff"));
        using (var ack = await participant.PostAsync("/api/exercises/running-copy/organizations/bank/acknowledgements", new { injectId = "i1-alert" }))
            Assert.Equal("exercise.read-only", (await ProblemAssert.ReadAsync(ack, HttpStatusCode.Conflict)).Code);
        Assert.Equal(JsonNode.Parse(running)!["events"]!.AsArray().Count, (await second.Api.EventsAsync("running-copy")).Count);
    }

    [Fact]
    public async Task An_exercise_asked_for_before_its_import_is_found_once_imported()
    {
        var id = (await first.Api.CreateExerciseAsync()).Id;
        var export = await ExportAsync(id);
        var copy = $"{id}-asked-before";
        var participant = await second.Factory.SignInAsync(TestPrincipals.Participant(copy, "bank", "staff"));
        using (var missing = await second.Api.Http.GetAsync($"/api/exercises/{copy}", Cancel))
            Assert.Equal("exercise.not-found", (await ProblemAssert.ReadAsync(missing, HttpStatusCode.NotFound)).Code);
        using (var missing = await participant.Http.GetAsync($"/api/exercises/{copy}/organizations/bank", Cancel))
            Assert.Equal("exercise.not-found", (await ProblemAssert.ReadAsync(missing, HttpStatusCode.NotFound)).Code);

        using (var imported = await ImportAsync(export, $"?id={copy}"))
            Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        // The grains that answered "not found" went once idle; a grain kept in memory would answer it still.
        await Eventually.WaitAsync(async () =>
        {
            using var found = await second.Api.Http.GetAsync($"/api/exercises/{copy}", Cancel);
            using var view = await participant.Http.GetAsync($"/api/exercises/{copy}/organizations/bank", Cancel);
            return (found.StatusCode, view.StatusCode);
        }, codes => codes == (HttpStatusCode.OK, HttpStatusCode.OK), "the imported exercise and its organization are found");
    }

    [Fact]
    public async Task A_bad_import_is_refused_with_its_reason_and_writes_nothing()
    {
        var id = (await first.Api.CreateExerciseAsync()).Id;
        await first.Api.CommandAsync(id, "speed", new { speed = 3600 });
        await first.Api.CommandAsync(id, "start");
        await first.Api.WaitForExerciseAsync(id, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject fired");
        var export = await ExportAsync(id);
        var before = (await second.Api.GetAsync<ExerciseSummary[]>("/api/exercises")).Select(e => e.Id).ToList();

        var gap = JsonNode.Parse(export)!;
        gap["events"]!.AsArray().RemoveAt(3);
        var wrongFormat = JsonNode.Parse(export)!;
        wrongFormat["format"] = "something-else";
        var otherExercise = JsonNode.Parse(export)!;
        otherExercise["events"]![5]!["exerciseId"] = "someone-else";
        var noScenario = JsonNode.Parse(export)!;
        noScenario.AsObject().Remove("scenario");
        var truncated = export[..(export.Length - 40)];
        var oversized = new string(' ', (int)SecondServer.ImportBytes) + export;

        foreach (var (body, status, code) in new[]
                 {
                     (gap.ToJsonString(), HttpStatusCode.BadRequest, "import.seq-gap"),
                     (wrongFormat.ToJsonString(), HttpStatusCode.BadRequest, "import.wrong-format"),
                     (otherExercise.ToJsonString(), HttpStatusCode.BadRequest, "import.wrong-exercise"),
                     (noScenario.ToJsonString(), HttpStatusCode.BadRequest, "import.scenario-unreadable"),
                     (truncated, HttpStatusCode.BadRequest, "import.unreadable"),
                     (oversized, HttpStatusCode.RequestEntityTooLarge, "import.too-large"),
                 })
        {
            using var response = await ImportAsync(body);
            Assert.Equal(code, (await ProblemAssert.ReadAsync(response, status)).Code);
        }

        using (var badId = await ImportAsync(export, "?id=Not_An_Id"))
            Assert.Equal("import.invalid-id", (await ProblemAssert.ReadAsync(badId, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(before, (await second.Api.GetAsync<ExerciseSummary[]>("/api/exercises")).Select(e => e.Id).ToList());
        using var events = await second.Api.Http.GetAsync($"/api/exercises/{id}/events", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
    }

    [Fact]
    public async Task A_store_import_that_fails_midway_leaves_no_row()
    {
        var id = (await first.Api.CreateExerciseAsync()).Id;
        var catalog = first.Factory.Services.GetRequiredService<IExerciseCatalog>();
        var log = first.Factory.Services.GetRequiredService<IEventLog>();
        var record = (await catalog.GetAsync(id, Cancel))! with { Id = "half-imported" };
        var created = await log.ReadAsync(id, 0, 10, Cancel);

        await Assert.ThrowsAsync<ArgumentException>(() => catalog.ImportAsync(record, Batches(created, created), Cancel));

        Assert.Null(await catalog.GetAsync("half-imported", Cancel));
        Assert.Equal(0, await log.ReadLastSeqAsync("half-imported", Cancel));
    }

    private static async IAsyncEnumerable<IReadOnlyList<Contracts.Events.ExerciseEvent>> Batches(params IReadOnlyList<Contracts.Events.ExerciseEvent>[] batches)
    {
        foreach (var batch in batches) yield return batch;
        await Task.CompletedTask;
    }

    private async Task<string> ExportAsync(string id)
    {
        using var response = await first.Api.Http.GetAsync($"/api/exercises/{id}/export.json", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{id}.ciexercise-export.json", response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("ciexercise-export", json.RootElement.GetProperty("format").GetString());
        Assert.Contains("EXERCISE", json.RootElement.GetProperty("marking").GetString());
        return text;
    }

    private Task<HttpResponseMessage> ImportAsync(string body, string query = "")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return second.Api.Http.PostAsync($"/api/exercises/import{query}", content, Cancel);
    }
}
