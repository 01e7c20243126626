using System.Net;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Tests.Idempotency;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests;

/// <summary>
/// The services board (narrowed for a participant), a controller setting a service, and releasing and cancelling
/// held injects over HTTP, with their keys and refusals. The scenario is built in code (power's grid feeds water's
/// pumps and the bank's payments; "follow" waits for the bank's decision, "chase" for the water utility's).
/// </summary>
public sealed class DynamicsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    private static LocalizedText T(string en) => new(en, en);

    private static Scenario Scenario()
    {
        Organization Org(string id, Sector sector) => new(id, T(id), sector, null, ["staff"], Simulated: false);
        Inject Inject(string id, Condition? when) =>
            new(id, TimeSpan.Zero, Recipients.All, T("Control"), Channel.Email, T(id), T("Body"), null, null, [],
                [new Choice("restore", T("Restore")) { Restores = ["grid"] }]) { Hold = when is null ? null : new InjectHold(when, TimeSpan.Zero, null, null) };
        Condition DecidedBy(string organization) =>
            new(ConditionKind.Decision) { InjectId = "alert", By = new ConditionScope(organization, null, null) };
        return new Scenario("dynamics-api", T("Dynamics"), T("Dynamics"), "Asia/Tokyo", DateTimeOffset.Parse("2026-12-01T09:00:00+09:00"),
            TimeSpan.FromHours(4), [], [Org("power", Sector.ElectricPower), Org("water", Sector.Water), Org("bank", Sector.Finance)], [],
            [Inject("alert", null), Inject("follow", DecidedBy("bank")), Inject("chase", DecidedBy("water"))])
        {
            Services =
            [
                new Service("grid", T("Grid"), "power", [], TimeSpan.FromHours(1)),
                new Service("pumps", T("Pumps"), "water", [new ServiceDependency("grid", TimeSpan.FromHours(1))], TimeSpan.FromHours(1)),
                new Service("payments", T("Payments"), "bank", [new ServiceDependency("grid", TimeSpan.FromMinutes(30))], TimeSpan.FromHours(1)),
            ],
        };
    }

    private async Task<string> StartedAsync()
    {
        var id = "ex-" + Guid.NewGuid().ToString("N")[..10];
        var grains = server.Factory.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IExerciseGrain>(id).Create("Dynamics over HTTP", Scenario(), Actor.Controller("Control cell"));
        await _api.CommandAsync(id, "start");
        return id;
    }

    private static async Task<string?> Refused(ApiClient api, string url, object body, HttpStatusCode status)
    {
        using var response = await api.PostAsync(url, body);
        return (await ProblemAssert.ReadAsync(response, status)).Code;
    }

    [Fact]
    public async Task Staff_see_every_service_and_a_participant_its_own_and_what_they_depend_on()
    {
        var id = await StartedAsync();
        var water = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "water", "staff"));

        var all = await _api.GetAsync<ServiceBoard>($"/api/exercises/{id}/services");
        var own = await water.GetAsync<ServiceBoard>($"/api/exercises/{id}/services");

        Assert.Equal(["grid", "pumps", "payments"], all.Services.Select(s => s.Service.Id));
        Assert.Equal(["grid", "pumps"], own.Services.Select(s => s.Service.Id));
        Assert.All(all.Services, s => Assert.Equal(ServiceStatus.Up, s.Status));
    }

    [Fact]
    public async Task A_controller_sets_a_service_once_per_key_and_bad_requests_are_refused()
    {
        var id = await StartedAsync();
        var url = $"/api/exercises/{id}/services/grid";
        var key = KeyedRequests.NewKey();

        using var first = await _api.PostAsync(url, new { status = "down", note = "Substation attack" }, key);
        var receipt = await ApiClient.ReadAsync<ActionReceipt>(first, HttpStatusCode.OK);
        using var again = await _api.PostAsync(url, new { status = "down", note = "Substation attack" }, key);
        Assert.Equal(receipt.Seq, (await ApiClient.ReadAsync<ActionReceipt>(again, HttpStatusCode.OK)).Seq);
        Assert.True(again.Replayed());

        var board = await _api.GetAsync<ServiceBoard>($"/api/exercises/{id}/services");
        var grid = board.Services.Single(s => s.Service.Id == "grid");
        Assert.Equal((ServiceStatus.Down, receipt.Seq), (grid.Status, grid.ChangedSeq));
        Assert.Equal(grid.Since + TimeSpan.FromMinutes(30), board.Services.Single(s => s.Service.Id == "payments").FailsAt);
        var change = Assert.Single(await _api.EventsAsync(id), e => e.Kind == EventKind.ServiceChanged);
        Assert.Equal("Substation attack", change.Payload.GetProperty("note").GetString());
        Assert.Equal("controller", change.Payload.GetProperty("cause").GetString());

        Assert.Equal("request.invalid", await Refused(_api, url, new { status = "restoring" }, HttpStatusCode.BadRequest));
        Assert.Equal("request.invalid", await Refused(_api, url, new { note = "no status" }, HttpStatusCode.BadRequest));
        Assert.Equal("service.not-found", await Refused(_api, $"/api/exercises/{id}/services/sewage", new { status = "down" }, HttpStatusCode.NotFound));
        Assert.Equal("service.unchanged", await Refused(_api, url, new { status = "down" }, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_controller_releases_and_cancels_held_injects_and_participants_never_see_what_they_waited_for()
    {
        var id = await StartedAsync();
        var held = await _api.ExerciseAsync(id);
        var follow = held.Injects.Single(i => i.Inject.Id == "follow");
        Assert.Equal(InjectStatus.Held, follow.Status);
        Assert.Equal("bank decided on alert: not yet", follow.Hold!.When!.Summary);

        var key = KeyedRequests.NewKey();
        using var released = await _api.PostAsync($"/api/exercises/{id}/injects/follow/release", new { reason = "Keep the story moving" }, key);
        var receipt = await ApiClient.ReadAsync<ActionReceipt>(released, HttpStatusCode.OK);
        using var resent = await _api.PostAsync($"/api/exercises/{id}/injects/follow/release", new { reason = "Keep the story moving" }, key);
        Assert.Equal(receipt.Seq, (await ApiClient.ReadAsync<ActionReceipt>(resent, HttpStatusCode.OK)).Seq);
        Assert.True(resent.Replayed());
        using var cancelled = await _api.PostAsync($"/api/exercises/{id}/injects/chase/cancel", null, KeyedRequests.NewKey());
        await ApiClient.ReadAsync<ActionReceipt>(cancelled, HttpStatusCode.OK);

        var view = await _api.WaitForExerciseAsync(id, v => v.Injects.Single(i => i.Inject.Id == "follow").Status == InjectStatus.Fired, "follow fired");
        Assert.Equal(("Keep the story moving", true), (view.Injects.Single(i => i.Inject.Id == "follow").Hold!.Reason, view.Injects.Single(i => i.Inject.Id == "follow").Hold!.Manual));
        Assert.Equal(InjectStatus.Cancelled, view.Injects.Single(i => i.Inject.Id == "chase").Status);
        Assert.Equal("inject.already-fired", await Refused(_api, $"/api/exercises/{id}/injects/follow/cancel", new { }, HttpStatusCode.Conflict));
        Assert.Equal("inject.not-conditional", await Refused(_api, $"/api/exercises/{id}/injects/alert/release", new { }, HttpStatusCode.Conflict));
        Assert.Equal("inject.not-found", await Refused(_api, $"/api/exercises/{id}/injects/nothing/release", new { }, HttpStatusCode.NotFound));

        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        var seen = await bank.ExerciseAsync(id);
        Assert.Contains(seen.Injects, i => i.Inject.Id == "follow");
        Assert.All(seen.Injects, i => Assert.Null(i.Hold));
        Assert.All(seen.Injects, i => Assert.Null(i.Inject.Hold));
    }
}
