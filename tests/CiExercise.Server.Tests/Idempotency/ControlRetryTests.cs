using System.Net;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Idempotency;

/// <summary>
/// A controller's command sent twice under one Idempotency-Key (a proxy's retry, a double click) is done once and
/// answered with the first answer again; the key reused for something else is refused.
/// </summary>
public sealed class ControlRetryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    private static readonly object AdHoc = new
    {
        recipients = new { organizations = new[] { "water", "power" } },
        channel = "phone",
        title = new { en = "Unscheduled call" },
    };

    [Fact]
    public async Task A_retried_ad_hoc_inject_fires_once_and_answers_the_first_inject()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        var key = KeyedRequests.NewKey();

        using var first = await _api.PostAsync($"/api/exercises/{id}/injects", AdHoc, key);
        using var again = await _api.PostAsync($"/api/exercises/{id}/injects", AdHoc, key);

        var fired = await ApiClient.ReadAsync<InjectState>(first, HttpStatusCode.Created);
        var replayed = await ApiClient.ReadAsync<InjectState>(again, HttpStatusCode.Created);
        Assert.False(first.Replayed());
        Assert.True(again.Replayed());
        Assert.Equal((fired.Inject.Id, fired.FiredSeq), (replayed.Inject.Id, replayed.FiredSeq));
        var events = await _api.EventsAsync(id);
        Assert.Single(events, e => e.Kind == EventKind.AdHocInjectAdded);
        Assert.Equal(["power", "water"], ApiClient.Deliveries(events).Where(d => d.InjectId.StartsWith("adhoc-", StringComparison.Ordinal))
            .Select(d => d.OrganizationId).Order());
    }

    [Fact]
    public async Task A_retried_jump_to_the_next_inject_jumps_once()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        await _api.CommandAsync(id, "pause");
        var key = KeyedRequests.NewKey();

        using var first = await _api.PostAsync($"/api/exercises/{id}/jump", new { to = "next-inject" }, key);
        using var again = await _api.PostAsync($"/api/exercises/{id}/jump", new { to = "next-inject" }, key);

        var jumped = await ApiClient.ReadAsync<ExerciseView>(first, HttpStatusCode.OK);
        var replayed = await ApiClient.ReadAsync<ExerciseView>(again, HttpStatusCode.OK);
        Assert.True(again.Replayed());
        Assert.Equal(jumped.Clock.ScenarioElapsed, replayed.Clock.ScenarioElapsed);
        Assert.Single(await _api.EventsAsync(id), e => e.Kind == EventKind.ClockJumped);
    }

    [Fact]
    public async Task A_retried_start_answers_success_with_the_exercise()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var key = KeyedRequests.NewKey();

        using var first = await _api.PostAsync($"/api/exercises/{id}/start", null, key);
        using var again = await _api.PostAsync($"/api/exercises/{id}/start", null, key);

        Assert.Equal(ExerciseStatus.Running, (await ApiClient.ReadAsync<ExerciseView>(first, HttpStatusCode.OK)).Status);
        Assert.Equal(ExerciseStatus.Running, (await ApiClient.ReadAsync<ExerciseView>(again, HttpStatusCode.OK)).Status);
        Assert.True(again.Replayed());
        Assert.Single(await _api.EventsAsync(id), e => e.Kind == EventKind.ExerciseStarted);
    }

    [Fact]
    public async Task A_key_reused_for_another_command_or_other_content_is_refused()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var key = KeyedRequests.NewKey();
        using var speed = await _api.PostAsync($"/api/exercises/{id}/speed", new { speed = 2 }, key);
        await ApiClient.ReadAsync<ExerciseView>(speed, HttpStatusCode.OK);

        using var otherSpeed = await _api.PostAsync($"/api/exercises/{id}/speed", new { speed = 3 }, key);
        using var start = await _api.PostAsync($"/api/exercises/{id}/start", null, key);
        using var adHoc = await _api.PostAsync($"/api/exercises/{id}/injects", AdHoc, key);

        foreach (var refused in new[] { otherSpeed, start, adHoc })
            Assert.Equal(ClientActionId.ReusedCode, (await ProblemAssert.ReadAsync(refused, HttpStatusCode.UnprocessableEntity)).Code);
        var view = await _api.ExerciseAsync(id);
        Assert.Equal((ExerciseStatus.Draft, 2.0), (view.Status, view.Clock.Speed));
    }
}
