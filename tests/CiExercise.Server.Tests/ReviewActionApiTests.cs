using System.Net;
using System.Text.Json;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Idempotency;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;

namespace CiExercise.Server.Tests;

/// <summary>
/// Task ratings, decisions with severity and hot-wash answers over HTTP (with their refusals and retries), and the
/// ParticipantJoined row a participant's hub subscription records once.
/// </summary>
public sealed class ReviewActionApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    private async Task<(string Id, ApiClient Evaluator, ApiClient Bank)> StartedAsync()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        // i2-outage (bank and power, asks for severity) is the next inject.
        await _api.CommandAsync(id, "jump", new { to = "next-inject" });
        await _api.WaitForExerciseAsync(id, v => v.Injects.Single(i => i.Inject.Id == "i2-outage").Status == InjectStatus.Fired, "i2-outage fired");
        return (id, await server.Factory.SignInAsync(TestPrincipals.Evaluator(id)),
            await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "manager", "Suzuki")));
    }

    private static async Task<Problem> Refused(ApiClient api, string url, object body, HttpStatusCode status, string code)
    {
        using var response = await api.PostAsync(url, body);
        var problem = await ProblemAssert.ReadAsync(response, status);
        Assert.Equal(code, problem.Code);
        return problem;
    }

    [Fact]
    public async Task An_evaluator_rates_a_task_with_evidence_once_per_key_and_bad_ratings_are_refused()
    {
        var (id, evaluator, bank) = await StartedAsync();
        var url = $"/api/exercises/{id}/task-ratings";
        var evidence = (await _api.EventsAsync(id)).First(e => e.Kind == EventKind.InjectDelivered).Seq;
        var body = new { objectiveId = "report", taskId = "first-report", rating = "m", text = "Report came late", evidenceSeqs = new[] { evidence } };

        var key = KeyedRequests.NewKey();
        using var first = await evaluator.PostAsync(url, body, key);
        var receipt = await ApiClient.ReadAsync<ActionReceipt>(first, HttpStatusCode.Created);
        using var again = await evaluator.PostAsync(url, body, key);
        Assert.Equal(receipt.Seq, (await ApiClient.ReadAsync<ActionReceipt>(again, HttpStatusCode.Created)).Seq);
        Assert.True(again.Replayed());
        Assert.NotNull(first.Headers.Location);

        var rated = Assert.Single(await _api.EventsAsync(id), e => e.Kind == EventKind.TaskRated);
        var rating = rated.Payload.GetProperty("rating");
        Assert.Equal(("report", "first-report", "m", evidence), (rating.GetProperty("objectiveId").GetString(), rating.GetProperty("taskId").GetString(),
            rating.GetProperty("rating").GetString(), rating.GetProperty("evidenceSeqs")[0].GetInt64()));

        Assert.Contains("rating", (await Refused(evaluator, url, new { objectiveId = "report", taskId = "first-report" },
            HttpStatusCode.BadRequest, "request.invalid")).Fields);
        Assert.Contains("evidenceSeqs", (await Refused(evaluator, url, body with { evidenceSeqs = Enumerable.Range(1, 51).Select(i => (long)i).ToArray() },
            HttpStatusCode.BadRequest, "request.invalid")).Fields);
        await Refused(evaluator, url, body with { taskId = "no-such-task" }, HttpStatusCode.NotFound, "task.not-found");
        await Refused(evaluator, url, body with { evidenceSeqs = new[] { 1_000_000L } }, HttpStatusCode.NotFound, "evidence.not-found");
        var draft = (await _api.CreateExerciseAsync()).Id;
        await Refused(await server.Factory.SignInAsync(TestPrincipals.Evaluator(draft)), $"/api/exercises/{draft}/task-ratings", body,
            HttpStatusCode.Conflict, "exercise.not-started");
        Assert.Single(await _api.EventsAsync(id), e => e.Kind == EventKind.TaskRated);
    }

    [Fact]
    public async Task A_decision_on_an_inject_that_asks_for_severity_needs_one_and_others_refuse_it()
    {
        var (id, _, bank) = await StartedAsync();
        var url = $"/api/exercises/{id}/organizations/bank/decisions";

        await Refused(bank, url, new { injectId = "i2-outage", text = "Fail over" }, HttpStatusCode.BadRequest, "decision.severity-required");
        Assert.Contains("severity.trust", (await Refused(bank, url, new { injectId = "i2-outage", text = "Fail over", severity = new { continuity = 2, safety = 0 } },
            HttpStatusCode.BadRequest, "request.invalid")).Fields);
        await Refused(bank, url, new { injectId = "i2-outage", text = "Fail over", severity = new { continuity = 5, safety = 0, trust = 0 } },
            HttpStatusCode.BadRequest, "decision.severity-invalid");
        var bankStaff = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        await Refused(bankStaff, url, new { injectId = "i1-alert", text = "Noted", severity = new { continuity = 1, safety = 0, trust = 0 } },
            HttpStatusCode.BadRequest, "decision.severity-not-asked");

        var body = new { injectId = "i2-outage", text = "Fail over", severity = new { continuity = 3, safety = 1, trust = 2 } };
        var key = KeyedRequests.NewKey();
        using var first = await bank.PostAsync(url, body, key);
        var receipt = await ApiClient.ReadAsync<ActionReceipt>(first, HttpStatusCode.Created);
        using var again = await bank.PostAsync(url, body, key);
        Assert.True(again.Replayed());
        using var reused = await bank.PostAsync(url, body with { severity = new { continuity = 4, safety = 1, trust = 2 } }, key);
        Assert.Equal("idempotency.key-reused", (await ProblemAssert.ReadAsync(reused, HttpStatusCode.UnprocessableEntity)).Code);

        var decision = Assert.Single(await _api.EventsAsync(id), e => e.Kind == EventKind.DecisionRecorded);
        Assert.Equal(receipt.Seq, decision.Seq);
        Assert.Equal(new SeverityRating(3, 1, 2), decision.Payload.GetProperty("severity").Deserialize<SeverityRating>(ScenarioJson.Options));
    }

    [Fact]
    public async Task The_hot_wash_form_is_read_by_members_and_answered_by_participants_after_the_end()
    {
        var (id, _, bank) = await StartedAsync();
        var questions = await bank.GetAsync<HotWashQuestion[]>($"/api/exercises/{id}/hot-wash");
        Assert.Equal(HotWashQuestion.Defaults.Select(q => (q.Id, q.Kind, q.Required)), questions.Select(q => (q.Id, q.Kind, q.Required)));

        var url = $"/api/exercises/{id}/organizations/bank/hot-wash";
        var answers = new object[]
        {
            new { questionId = "realism", rating = 4 }, new { questionId = "preparedness", rating = 3 }, new { questionId = "sharing", rating = 2 },
            new { questionId = "improve", text = "Name a deputy for the first report." },
        };
        await Refused(bank, url, new { answers }, HttpStatusCode.Conflict, "exercise.not-ended");
        await _api.CommandAsync(id, "end");

        var unknown = await Refused(bank, url, new { answers = answers.Append(new { questionId = "catering", rating = 5 }) },
            HttpStatusCode.BadRequest, "hot-wash.unknown-question");
        Assert.Contains("'catering'", unknown.Detail);
        Assert.Contains("'sharing'", (await Refused(bank, url, new { answers = answers.Where((_, i) => i != 2) },
            HttpStatusCode.BadRequest, "hot-wash.answer-required")).Detail);
        await Refused(bank, url, new { answers = new[] { new { questionId = "realism", rating = 9 } } }, HttpStatusCode.BadRequest, "hot-wash.rating-out-of-range");
        Assert.Contains("answers", (await Refused(bank, url, new { answers = Enumerable.Repeat(answers[0], 21) },
            HttpStatusCode.BadRequest, "request.invalid")).Fields);

        var key = KeyedRequests.NewKey();
        using var first = await bank.PostAsync(url, new { answers }, key);
        var receipt = await ApiClient.ReadAsync<ActionReceipt>(first, HttpStatusCode.Created);
        using var again = await bank.PostAsync(url, new { answers }, key);
        Assert.Equal((receipt.Seq, true), ((await ApiClient.ReadAsync<ActionReceipt>(again, HttpStatusCode.Created)).Seq, again.Replayed()));
        var submitted = Assert.Single(await _api.EventsAsync(id), e => e.Kind == EventKind.HotWashSubmitted);
        Assert.Equal(("bank", "Suzuki", 4), (submitted.OrganizationId, submitted.Actor.Id, submitted.Payload.GetProperty("answers").GetArrayLength()));
    }

    [Fact]
    public async Task A_participant_subscribing_twice_is_recorded_as_joined_once_and_staff_not_at_all()
    {
        var hub = new HubHarness(server.Factory);
        var id = await hub.CreateExerciseAsync();
        var bankStaff = (await hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token;

        var (first, _) = await hub.SubscribeAsync(bankStaff, id);
        await using (first)
        {
            await first.Subscribe(id, 0).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        }
        var (second, _) = await hub.SubscribeAsync(bankStaff, id);
        await using (second)
        {
        }
        var (observer, _) = await hub.SubscribeAsync((await hub.IssueAsync(PrincipalKind.Observer, id)).Token, id);
        await using (observer)
        {
        }

        var joined = Assert.Single(await _api.EventsAsync(id), e => e.Kind == EventKind.ParticipantJoined);
        Assert.Equal(("bank", "staff"), (joined.OrganizationId, joined.Actor.Role));
        Assert.Equal("staff", joined.Payload.GetProperty("role").GetString());
    }
}
