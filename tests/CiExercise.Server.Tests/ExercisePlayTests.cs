using System.Net;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Exercises;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests;

public sealed class ExercisePlayTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task Creating_answers_201_with_the_view_and_its_location()
    {
        var id = ApiClient.NewId();
        using var response = await _api.PostAsync("/api/exercises", new { scenarioId = TestScenario.Id, id, name = "Drill" });

        var view = await ApiClient.ReadAsync<ExerciseView>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/exercises/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal((id, "Drill", ExerciseStatus.Draft), (view.Id, view.Name, view.Status));
        Assert.Equal(TestScenario.Injects.Select(i => i.Id), view.Injects.Select(i => i.Inject.Id));
        Assert.All(view.Injects, i => Assert.Equal(InjectStatus.Pending, i.Status));
        var listed = await _api.GetAsync<ExerciseSummary[]>("/api/exercises");
        Assert.Equal(ExerciseStatus.Draft, Assert.Single(listed, e => e.Id == id).Status);
    }

    [Fact]
    public async Task At_high_speed_every_inject_reaches_exactly_its_recipients()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "speed", new { speed = 3600 });

        var started = await _api.CommandAsync(id, "start");
        var done = await _api.WaitForExerciseAsync(id, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject has fired");

        Assert.Equal(ExerciseStatus.Running, started.Status);
        Assert.True(done.Clock.ScenarioElapsed >= TestScenario.Injects[^1].At);
        var deliveries = ApiClient.Deliveries(await _api.EventsAsync(id)).ToArray();
        var expected = TestScenario.Injects.SelectMany(i => i.To.Select(org => (i.Id, org))).ToArray();
        Assert.Equal(expected.OrderBy(d => d).ToArray(), deliveries.OrderBy(d => d).ToArray());
        foreach (var inject in done.Injects)
            Assert.Equal(TestScenario.Injects.Single(i => i.Id == inject.Inject.Id).To.Order(), inject.Recipients.Order());
        var bank = await _api.GetAsync<OrganizationView>($"/api/exercises/{id}/organizations/bank");
        Assert.Equal(["i1-alert", "i2-outage", "i4-decision", "i6-closing"], bank.Inbox.Select(i => i.InjectId).Order());
    }

    [Fact]
    public async Task Controllers_jump_to_a_phase_halt_and_end()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        await _api.CommandAsync(id, "pause");

        var next = await _api.CommandAsync(id, "jump", new { to = "next-inject" });
        Assert.Equal(TestScenario.Injects[1].At, next.Clock.ScenarioElapsed);
        var jumped = await _api.CommandAsync(id, "jump", new { phaseId = "escalation" });
        Assert.Equal(TimeSpan.FromHours(1), jumped.Clock.ScenarioElapsed);
        Assert.Equal("escalation", jumped.CurrentPhaseId);

        var halted = await _api.CommandAsync(id, "halt", new { reason = "Real incident at the bank" });
        Assert.Equal((ExerciseStatus.Halted, "Real incident at the bank"), (halted.Status, halted.HaltReason));
        var lifted = await _api.CommandAsync(id, "lift-halt");
        Assert.NotEqual(ExerciseStatus.Halted, lifted.Status);
        var ended = await _api.CommandAsync(id, "end");
        Assert.Equal(ExerciseStatus.Ended, ended.Status);

        var kinds = (await _api.EventsAsync(id)).Select(e => e.Kind).ToArray();
        Assert.Contains(EventKind.ClockJumped, kinds);
        Assert.Contains(EventKind.RealWorldHaltDeclared, kinds);
        Assert.Contains(EventKind.RealWorldHaltLifted, kinds);
        Assert.Equal(EventKind.ExerciseEnded, kinds[^1]);
    }

    [Fact]
    public async Task An_ad_hoc_inject_is_fired_at_once_to_its_recipients()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");

        using var response = await _api.PostAsync($"/api/exercises/{id}/injects", new
        {
            recipients = new { organizations = new[] { "water", "power" } },
            channel = "phone",
            title = new { ja = "臨時の連絡", en = "Unscheduled call" },
            body = new { en = "The ministry calls." },
        });

        var state = await ApiClient.ReadAsync<InjectState>(response, HttpStatusCode.Created);
        Assert.Equal(InjectStatus.Fired, state.Status);
        Assert.True(state.AdHoc);
        Assert.True((await _api.ExerciseAsync(id)).Injects.Single(i => i.Inject.Id == state.Inject.Id).AdHoc);
        Assert.Equal(["power", "water"], state.Recipients.Order());
        Assert.Equal(["power", "water"],
            ApiClient.Deliveries(await _api.EventsAsync(id)).Where(d => d.InjectId == state.Inject.Id).Select(d => d.OrganizationId).Order());
    }
}
