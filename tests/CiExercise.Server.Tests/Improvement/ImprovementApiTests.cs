using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiExercise.Contracts.Improvement;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Improvement;
using CiExercise.Server.Improvement;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Improvement;

/// <summary>The corrective-action endpoints on the server-test scenario: add, list, idempotency, If-Match, bounds and trends.</summary>
public sealed class ImprovementApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task An_evaluator_adds_an_action_that_the_staff_list_as_raised_in_the_exercise()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var evaluator = await server.Factory.SignInAsync(TestPrincipals.Evaluator(id));

        using var response = await evaluator.PostAsync(Url(id), new
        {
            objectiveId = "report", kpi = "response-window", finding = "報告が遅れた", action = "連絡網を見直す", ownerOrganizationId = "bank",
            due = "2027-03-31", status = "in-progress",
        });
        var added = await ApiClient.ReadAsync<CorrectiveAction>(response, HttpStatusCode.Created);

        Assert.Equal(("report", "incident-reporting", "ResponseWindow", CorrectiveActionStatus.InProgress, 1, "Evaluator"),
            (added.ObjectiveId, added.Capability, added.Kpi, added.Status, added.Version, added.CreatedBy));
        Assert.Equal(new DateOnly(2027, 3, 31), added.Due);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/api/exercises/{id}/corrective-actions/{added.Id}", response.Headers.Location?.OriginalString);
        var observer = await server.Factory.SignInAsync(TestPrincipals.Observer(id));
        var list = await observer.GetAsync<CorrectiveActionList>(Url(id));
        Assert.Equal([added], list.Raised);
        Assert.Empty(list.Carried);
    }

    [Fact]
    public async Task A_retried_add_under_one_key_stores_one_action_and_the_key_with_another_action_is_refused()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var body = new { finding = "f", action = "a" };

        using var first = await Keyed(id, "key-1", body);
        using var retry = await Keyed(id, "key-1", body);
        using var other = await Keyed(id, "key-1", new { finding = "other", action = "a" });

        var added = await ApiClient.ReadAsync<CorrectiveAction>(first, HttpStatusCode.Created);
        Assert.Equal(added, await ApiClient.ReadAsync<CorrectiveAction>(retry, HttpStatusCode.Created));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("idempotency.key-reused", (await ProblemAssert.ReadAsync(other, HttpStatusCode.UnprocessableEntity)).Code);
        Assert.Single((await _api.GetAsync<CorrectiveActionList>(Url(id))).Raised);
    }

    [Fact]
    public async Task An_update_needs_the_version_it_edits_and_a_stale_one_is_refused_with_the_current_version()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        using var created = await _api.PostAsync(Url(id), new { finding = "f", action = "a" });
        var added = await ApiClient.ReadAsync<CorrectiveAction>(created, HttpStatusCode.Created);

        using var unversioned = await Put(id, added.Id, null, new { finding = "f", action = "b" });
        using var updated = await Put(id, added.Id, "\"1\"", new { finding = "f", action = "b", status = "done" });
        using var stale = await Put(id, added.Id, "\"1\"", new { finding = "f", action = "c" });
        using var unknown = await Put(id, "ca-unknown", "\"1\"", new { finding = "f", action = "c" });

        Assert.Equal("corrective-action.version-required", (await ProblemAssert.ReadAsync(unversioned, HttpStatusCode.PreconditionRequired)).Code);
        var done = await ApiClient.ReadAsync<CorrectiveAction>(updated, HttpStatusCode.OK);
        Assert.Equal((2, "b", CorrectiveActionStatus.Done, added.CreatedAt), (done.Version, done.Action, done.Status, done.CreatedAt));
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);
        var conflict = await ProblemAssert.ReadAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("corrective-action.stale", conflict.Code);
        Assert.Contains("version 2", conflict.Detail);
        using (var json = JsonDocument.Parse(await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
            Assert.Equal(2, json.RootElement.GetProperty("currentVersion").GetInt32());
        Assert.Equal("corrective-action.not-found", (await ProblemAssert.ReadAsync(unknown, HttpStatusCode.NotFound)).Code);
        Assert.Equal([done], (await _api.GetAsync<CorrectiveActionList>(Url(id))).Raised);
    }

    [Fact]
    public async Task Every_field_is_bounded_and_everything_named_must_be_in_the_exercise()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var events = await _api.EventsAsync(id);

        var problem = await ProblemAssert.ReadAsync(await _api.PostAsync(Url(id), new
        {
            objectiveId = "no-such-objective", taskId = "t", kpi = "speed", finding = new string('x', CorrectiveActionLimits.TextLength + 1),
            action = " ", ownerOrganizationId = "airline", due = "1999-01-01",
        }), HttpStatusCode.BadRequest);
        Assert.Equal("request.invalid", problem.Code);
        Assert.Equal(["action", "finding"], problem.Fields.Order());

        var named = await ProblemAssert.ReadAsync(await _api.PostAsync(Url(id), new
        {
            objectiveId = "no-such-objective", taskId = "t", kpi = "speed", finding = "f", action = "a", ownerOrganizationId = "airline",
            due = "1999-01-01", observationSeq = events[0].Seq, capability = "cooking",
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["capability", "due", "kpi", "objectiveId", "observationSeq", "ownerOrganizationId"], named.Fields.Order());

        var taskWithoutObjective = await ProblemAssert.ReadAsync(await _api.PostAsync(Url(id), new { taskId = "t", finding = "f", action = "a" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["taskId"], taskWithoutObjective.Fields);
        var unknownTask = await ProblemAssert.ReadAsync(await _api.PostAsync(Url(id), new { objectiveId = "report", taskId = "t", finding = "f", action = "a" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["taskId"], unknownTask.Fields);
        Assert.Empty((await _api.GetAsync<CorrectiveActionList>(Url(id))).Raised);
        using var missing = await _api.PostAsync(Url("t-no-such-ex"), new { finding = "f", action = "a" });
        Assert.Equal("exercise.not-found", (await ProblemAssert.ReadAsync(missing, HttpStatusCode.NotFound)).Code);
    }

    [Fact]
    public async Task An_action_can_point_at_an_observation_of_its_exercise()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        var evaluator = await server.Factory.SignInAsync(TestPrincipals.Evaluator(id));
        using var observed = await evaluator.PostAsync($"/api/exercises/{id}/observations", new { kind = "area-for-improvement", text = "遅い" });
        var seq = (await ApiClient.ReadAsync<CiExercise.Contracts.Exercises.ActionReceipt>(observed, HttpStatusCode.Created)).Seq;

        using var response = await evaluator.PostAsync(Url(id), new { observationSeq = seq, finding = "f", action = "a" });

        Assert.Equal(seq, (await ApiClient.ReadAsync<CorrectiveAction>(response, HttpStatusCode.Created)).ObservationSeq);
    }

    [Fact]
    public async Task Trends_list_the_exercises_a_controller_covers_with_their_ratings_and_figures()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var other = (await _api.CreateExerciseAsync()).Id;
        var controllerOfOne = await server.Factory.SignInAsync(TestPrincipals.Controller(id));

        var all = await _api.GetAsync<TrendReport>("/api/improvement/trends?capability=incident-reporting&sector=finance");
        var one = await controllerOfOne.GetAsync<TrendReport>("/api/improvement/trends");
        using var badSector = await _api.Http.GetAsync("/api/improvement/trends?sector=cooking", TestContext.Current.CancellationToken);

        Assert.Contains(all.Exercises, e => e.ExerciseId == id);
        Assert.Contains(all.Exercises, e => e.ExerciseId == other);
        Assert.All(all.Exercises.Where(e => e.ExerciseId == id || e.ExerciseId == other),
            e => Assert.Equal(["report"], e.Objectives.Select(o => o.ObjectiveId)));
        Assert.Equal([id], one.Exercises.Select(e => e.ExerciseId));
        Assert.Equal(["sector"], (await ProblemAssert.ReadAsync(badSector, HttpStatusCode.BadRequest)).Fields);
    }

    private static string Url(string exerciseId) => $"/api/exercises/{exerciseId}/corrective-actions";

    private Task<HttpResponseMessage> Keyed(string id, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url(id)) { Content = JsonContent.Create(body, options: ScenarioJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return _api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private Task<HttpResponseMessage> Put(string id, string actionId, string? ifMatch, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Url(id)}/{actionId}") { Content = JsonContent.Create(body, options: ScenarioJson.Options) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
