using System.Net;
using System.Text;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests;

/// <summary>Every refused request answers a problem that says what was wrong, and records nothing.</summary>
public sealed class BadRequestTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task Creating_from_an_unknown_scenario_names_the_field()
    {
        var id = ApiClient.NewId();
        using var response = await _api.PostAsync("/api/exercises", new { scenarioId = "no-such-scenario", id });

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["scenarioId"], problem.Fields);
        using var missing = await _api.Http.GetAsync($"/api/exercises/{id}/events", TestContext.Current.CancellationToken);
        await ProblemAssert.ReadAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_without_a_scenario_or_with_a_bad_id_names_the_fields()
    {
        using var response = await _api.PostAsync("/api/exercises", new { id = "Not/Valid" });

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["id", "scenarioId"], problem.Fields.Order());
    }

    [Fact]
    public async Task Creating_an_exercise_twice_is_a_conflict()
    {
        var view = await _api.CreateExerciseAsync();

        using var again = await _api.PostAsync("/api/exercises", new { scenarioId = TestScenario.Id, id = view.Id });

        Assert.Equal("exercise.exists", (await ProblemAssert.ReadAsync(again, HttpStatusCode.Conflict)).Code);
        Assert.Equal(1, await _api.LastSeqAsync(view.Id));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_problem_400()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        using var content = new StringContent("{ \"speed\": ", Encoding.UTF8, "application/json");

        using var response = await _api.Http.PostAsync($"/api/exercises/{id}/speed", content, TestContext.Current.CancellationToken);

        Assert.Equal("request.unreadable", (await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(1, await _api.LastSeqAsync(id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5000)]
    public async Task A_speed_out_of_range_is_refused_and_changes_nothing(double speed)
    {
        var view = await _api.CreateExerciseAsync();
        await _api.CommandAsync(view.Id, "start");
        var before = await _api.LastSeqAsync(view.Id);

        using var response = await _api.PostAsync($"/api/exercises/{view.Id}/speed", new { speed });

        Assert.Equal("clock.speed-out-of-range", (await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(before, await _api.LastSeqAsync(view.Id));
        Assert.Equal(1, (await _api.ExerciseAsync(view.Id)).Clock.Speed);
    }

    [Fact]
    public async Task A_missing_speed_names_the_field()
    {
        var id = (await _api.CreateExerciseAsync()).Id;

        using var response = await _api.PostAsync($"/api/exercises/{id}/speed", new { });

        Assert.Equal(["speed"], (await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest)).Fields);
    }

    [Fact]
    public async Task An_unknown_exercise_is_404_to_commands_and_reads()
    {
        using var start = await _api.PostAsync("/api/exercises/no-such-exercise/start");
        using var view = await _api.Http.GetAsync("/api/exercises/no-such-exercise", TestContext.Current.CancellationToken);
        using var organization = await _api.Http.GetAsync("/api/exercises/no-such-exercise/organizations/bank", TestContext.Current.CancellationToken);

        Assert.Equal("exercise.not-found", (await ProblemAssert.ReadAsync(start, HttpStatusCode.NotFound)).Code);
        Assert.Equal("exercise.not-found", (await ProblemAssert.ReadAsync(view, HttpStatusCode.NotFound)).Code);
        Assert.Equal("exercise.not-found", (await ProblemAssert.ReadAsync(organization, HttpStatusCode.NotFound)).Code);
    }

    [Fact]
    public async Task A_refusal_reaches_a_client_that_accepts_no_JSON()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/exercises/no-such-exercise/start");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _api.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("exercise.not-found", (await ProblemAssert.ReadAsync(response, HttpStatusCode.NotFound)).Code);
    }

    [Fact]
    public async Task A_command_in_the_wrong_state_is_a_conflict_and_changes_nothing()
    {
        var id = (await _api.CreateExerciseAsync()).Id;

        using var pause = await _api.PostAsync($"/api/exercises/{id}/pause");

        Assert.Equal("exercise.invalid-state", (await ProblemAssert.ReadAsync(pause, HttpStatusCode.Conflict)).Code);
        Assert.Equal(ExerciseStatus.Draft, (await _api.ExerciseAsync(id)).Status);
        Assert.Equal(1, await _api.LastSeqAsync(id));
    }

    [Fact]
    public async Task Jumps_need_a_known_phase_or_next_inject()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        var before = await _api.LastSeqAsync(id);

        using var unknownPhase = await _api.PostAsync($"/api/exercises/{id}/jump", new { phaseId = "no-such-phase" });
        using var badTarget = await _api.PostAsync($"/api/exercises/{id}/jump", new { to = "the-end" });
        using var both = await _api.PostAsync($"/api/exercises/{id}/jump", new { phaseId = "escalation", to = "next-inject" });

        Assert.Equal("phase.not-found", (await ProblemAssert.ReadAsync(unknownPhase, HttpStatusCode.NotFound)).Code);
        Assert.Equal(["to"], (await ProblemAssert.ReadAsync(badTarget, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(["phaseId"], (await ProblemAssert.ReadAsync(both, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(before, await _api.LastSeqAsync(id));
    }

    [Fact]
    public async Task A_halt_needs_a_reason()
    {
        var id = (await _api.CreateExerciseAsync()).Id;

        using var response = await _api.PostAsync($"/api/exercises/{id}/halt", new { reason = " " });

        Assert.Equal(["reason"], (await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(1, await _api.LastSeqAsync(id));
    }

    [Fact]
    public async Task Participant_actions_are_refused_with_what_was_wrong_and_record_nothing()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        // At real-time speed the second inject is ten minutes away: nothing else is recorded meanwhile.
        await _api.CommandAsync(id, "start");
        await _api.WaitForExerciseAsync(id, v => v.Injects[0].Status == InjectStatus.Fired, "the first inject fires");
        var before = await _api.LastSeqAsync(id);

        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        var water = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "water", "staff"));
        // A link for an organization the scenario lacks cannot be issued; one signed for it directly still meets a 404.
        var nowhere = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "no-such-org", "staff"));

        using var unknownInject = await Acknowledge(bank, id, "bank", "no-such-inject");
        using var notDelivered = await Acknowledge(water, id, "water", "i1-alert");
        using var unknownOrganization = await Acknowledge(nowhere, id, "no-such-org", "i1-alert");
        using var missingFields = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/acknowledgements", new { });
        using var unknownChoice = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/decisions",
            new { injectId = "i1-alert", choiceId = "no-such-choice" });
        using var messageToNobody = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/messages",
            new { to = new[] { "no-such-org" }, subject = "s", body = "b" });

        Assert.Equal("inject.not-delivered", (await ProblemAssert.ReadAsync(unknownInject, HttpStatusCode.NotFound)).Code);
        Assert.Equal("inject.not-delivered", (await ProblemAssert.ReadAsync(notDelivered, HttpStatusCode.NotFound)).Code);
        Assert.Equal("organization.not-found", (await ProblemAssert.ReadAsync(unknownOrganization, HttpStatusCode.NotFound)).Code);
        Assert.Equal(["injectId"], (await ProblemAssert.ReadAsync(missingFields, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(HttpStatusCode.BadRequest, unknownChoice.StatusCode);
        Assert.Equal(["to"], (await ProblemAssert.ReadAsync(messageToNobody, HttpStatusCode.BadRequest)).Fields);
        Assert.Equal(before, await _api.LastSeqAsync(id));
    }

    [Fact]
    public async Task Participants_cannot_act_while_play_is_halted()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        await _api.CommandAsync(id, "halt", new { reason = "Real-world incident" });
        var before = await _api.LastSeqAsync(id);

        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        using var response = await Acknowledge(bank, id, "bank", "i1-alert");

        Assert.Equal("exercise.not-in-play", (await ProblemAssert.ReadAsync(response, HttpStatusCode.Conflict)).Code);
        Assert.Equal(before, await _api.LastSeqAsync(id));
    }

    private static Task<HttpResponseMessage> Acknowledge(ApiClient participant, string id, string orgId, string injectId) =>
        participant.PostAsync($"/api/exercises/{id}/organizations/{orgId}/acknowledgements", new { injectId });
}
