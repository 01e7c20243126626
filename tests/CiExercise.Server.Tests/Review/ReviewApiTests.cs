using System.Net;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Review.Model;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Review;

/// <summary>The review endpoints: what staff and participants see, before and after the end, and refused queries.</summary>
public sealed class ReviewApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task Staff_read_the_review_in_play_and_a_participant_only_after_the_end_and_only_its_own_organization()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        await _api.WaitForExerciseAsync(id, v => v.Injects.Any(i => i.Inject.Id == "i1-alert" && i.Status == InjectStatus.Fired), "i1 fired");
        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        using (var ack = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/acknowledgements", new { injectId = "i1-alert" }))
            Assert.Equal(HttpStatusCode.Created, ack.StatusCode);

        var staffView = await _api.GetAsync<ExerciseReview>($"/api/exercises/{id}/review");
        Assert.Equal(ExerciseStatus.Running, staffView.Status);
        var response = Assert.Single(staffView.Kpis.Responses, r => r.InjectId == "i1-alert");
        Assert.Equal(("bank", "staff"), (response.OrganizationId, response.AcknowledgedByRole));
        using (var early = await bank.Http.GetAsync($"/api/exercises/{id}/review", TestContext.Current.CancellationToken))
            Assert.Equal("auth.forbidden", (await ProblemAssert.ReadAsync(early, HttpStatusCode.Forbidden)).Code);

        await _api.CommandAsync(id, "speed", new { speed = 3600 });
        await _api.WaitForExerciseAsync(id, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject fired");
        await _api.CommandAsync(id, "end");

        var own = await bank.GetAsync<ExerciseReview>($"/api/exercises/{id}/review");
        Assert.All(own.Kpis.Responses, r => Assert.Equal("bank", r.OrganizationId));
        Assert.Equal(["i1-alert", "i2-outage", "i4-decision", "i6-closing"], own.Kpis.Responses.Select(r => r.InjectId).Order());
        Assert.Equal(["bank"], own.Kpis.Organizations.Select(f => f.Key));
        Assert.Empty(own.Kpis.Sectors);
        Assert.Equal(["bank"], own.Scenario.Organizations.Select(o => o.Id));
        Assert.Empty(own.Evaluation.Objectives);
        Assert.Equal(["bank"], own.Participation.Organizations.Select(o => o.OrganizationId));
        var full = await _api.GetAsync<ExerciseReview>($"/api/exercises/{id}/review");
        Assert.Equal(TestScenario.Organizations.Length, full.Kpis.Organizations.Count);

        var timeline = await bank.GetAsync<TimelinePage>($"/api/exercises/{id}/review/timeline?limit=500");
        Assert.All(timeline.Entries, e => Assert.True(e.OrganizationId == "bank" || LifecycleKinds.All.Contains(e.Kind), $"{e.Kind} of {e.OrganizationId}"));
        Assert.Contains(timeline.Entries, e => e.Kind == EventKind.ExerciseEnded);

        var replay = await bank.GetAsync<ReplayOrganization>($"/api/exercises/{id}/review/replay/organizations/bank?seq={full.LastSeq}");
        Assert.Equal("bank", replay.View.OrganizationId);
        using (var other = await bank.Http.GetAsync($"/api/exercises/{id}/review/replay/organizations/power?seq=1", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using (var whole = await bank.Http.GetAsync($"/api/exercises/{id}/review/replay?seq=1", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.Forbidden, whole.StatusCode);
    }

    [Fact]
    public async Task Replay_at_a_scenario_time_is_the_last_event_recorded_by_then_and_timeline_filters_page()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "speed", new { speed = 3600 });
        await _api.CommandAsync(id, "start");
        await _api.WaitForExerciseAsync(id, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject fired");
        await _api.CommandAsync(id, "end");
        var events = await _api.EventsAsync(id);

        var at = TimeSpan.FromMinutes(30);
        var expected = events.TakeWhile(e => e.ScenarioTime <= at).Last().Seq;
        var snapshot = await _api.GetAsync<ReplaySnapshot>($"/api/exercises/{id}/review/replay?at=00:30:00");
        Assert.Equal(expected, snapshot.AtSeq);
        var fired = events.Where(e => e.Kind == EventKind.InjectFired && e.Seq <= expected).Select(e => e.InjectId).Order();
        Assert.Equal(fired, snapshot.Injects.Where(i => i.Fired).Select(i => i.InjectId).Order());
        Assert.Contains(snapshot.Injects, i => !i.Fired);

        var first = await _api.GetAsync<TimelinePage>($"/api/exercises/{id}/review/timeline?kind=inject-delivered&organization=bank&organization=power&limit=2");
        var deliveries = events.Count(e => e.Kind == EventKind.InjectDelivered && e.OrganizationId is "bank" or "power");
        Assert.Equal(deliveries, first.Matched);
        Assert.Equal(2, first.Entries.Count);
        var second = await _api.GetAsync<TimelinePage>(
            $"/api/exercises/{id}/review/timeline?kind=inject-delivered&organization=bank&organization=power&limit=500&after={first.NextAfterSeq}");
        Assert.Equal(deliveries - 2, second.Entries.Count);
        Assert.Null(second.NextAfterSeq);
    }

    [Theory]
    [InlineData("timeline?limit=0", "request.invalid")]
    [InlineData("timeline?limit=501", "request.invalid")]
    [InlineData("timeline?sector=atlantis", "request.invalid")]
    [InlineData("timeline?from=yesterday", "request.invalid")]
    [InlineData("replay", "request.invalid")]
    [InlineData("replay?seq=1&at=00:10:00", "request.invalid")]
    [InlineData("replay?seq=999999", "review.seq-out-of-range")]
    [InlineData("replay/organizations/bank?at=-01:00:00", "request.invalid")]
    [InlineData("replay/organizations/atlantis?seq=1", "organization.not-found")]
    public async Task A_bad_seq_time_or_filter_is_refused_with_a_stable_code(string query, string code)
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        using var response = await _api.Http.GetAsync($"/api/exercises/{id}/review/{query}", TestContext.Current.CancellationToken);
        var status = code == "organization.not-found" ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;
        Assert.Equal(code, (await ProblemAssert.ReadAsync(response, status)).Code);
    }
}
