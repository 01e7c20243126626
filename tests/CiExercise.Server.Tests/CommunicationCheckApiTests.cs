using System.Net;
using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;

namespace CiExercise.Server.Tests;

/// <summary>
/// A communication check over HTTP before the exercise starts: the controller sends it down the chain, the
/// ministry passes it on, an operator acknowledges; the report per stage and the participants' live streams agree.
/// </summary>
public sealed class CommunicationCheckApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task A_check_down_the_chain_is_passed_on_acknowledged_and_reported_per_stage()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var hub = new HubHarness(server.Factory);
        var (bankConsole, bankEvents) = await hub.SubscribeAsync((await hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token, id);
        var (waterConsole, waterEvents) = await hub.SubscribeAsync((await hub.IssueAsync(PrincipalKind.Participant, id, "water", "staff")).Token, id);
        await using var _ = bankConsole;
        await using var __ = waterConsole;

        var started = await Created<CheckStarted>(_api, $"/api/exercises/{id}/communication-checks",
            new { route = "chain", message = "Communication check: please acknowledge and pass on.", clientActionId = "cc-1" });
        Assert.Equal((4, 1), (started.Organizations, started.SentFirst));
        var retried = await Created<CheckStarted>(_api, $"/api/exercises/{id}/communication-checks",
            new { route = "chain", message = "Communication check: please acknowledge and pass on.", clientActionId = "cc-1" });
        Assert.Equal((started.CheckId, true), (retried.CheckId, retried.Duplicate));

        var ministry = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "ministry", "staff", "Ito"));
        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff", "Sato"));
        var early = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/communication-checks/{started.CheckId}/acknowledgement", new { });
        Assert.Equal("check.not-received", (await ProblemAssert.ReadAsync(early, HttpStatusCode.NotFound)).Code);
        await Created<ActionReceipt>(ministry, $"/api/exercises/{id}/organizations/ministry/communication-checks/{started.CheckId}/pass-on", new { });
        var ack = await Created<ActionReceipt>(bank, $"/api/exercises/{id}/organizations/bank/communication-checks/{started.CheckId}/acknowledgement",
            new { clientActionId = "a-1" });

        await bankEvents.WaitForAsync(e => e.Any(x => x.Seq == ack.Seq), "bank's console to see its acknowledgement");
        Assert.Equal([EventKind.CommunicationCheckReceived, EventKind.CommunicationCheckAcknowledged],
            bankEvents.Snapshot().Where(e => e.Kind.ToString().StartsWith("CommunicationCheck", StringComparison.Ordinal)).Select(e => e.Kind));
        await waterEvents.WaitForAsync(e => e.Any(x => x.Kind == EventKind.CommunicationCheckReceived), "water's console to see the check arrive");
        Assert.All(waterEvents.Snapshot(), e => Assert.True(e.OrganizationId is null or "water", $"water saw {e.Kind} of {e.OrganizationId}"));

        var observer = await server.Factory.SignInAsync(TestPrincipals.Observer(id));
        var report = Assert.Single(await observer.GetAsync<CheckReport[]>($"/api/exercises/{id}/communication-checks"));
        Assert.Equal((CheckRoute.Chain, TestPrincipals.ControllerOfAll.Name), (report.Route, report.StartedBy));
        Assert.Equal((1, 1, 1.0), Stage(report, CheckStage.Ministry));
        Assert.Equal((3, 1, 1.0 / 3), Stage(report, CheckStage.Operator));
        Assert.Equal(["power", "water"], report.Organizations.Where(o => o.AcknowledgedAt is null).Select(o => o.OrganizationId).Order());
        Assert.Equal(ExerciseStatus.Draft, (await _api.ExerciseAsync(id)).Status);
    }

    [Fact]
    public async Task A_bad_check_is_refused_with_what_was_wrong_and_records_nothing()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        var before = await _api.LastSeqAsync(id);

        var noRoute = await _api.PostAsync($"/api/exercises/{id}/communication-checks", new { message = "hello" });
        Assert.Equal("request.invalid", (await ProblemAssert.ReadAsync(noRoute, HttpStatusCode.BadRequest)).Code);
        var tooLong = await _api.PostAsync($"/api/exercises/{id}/communication-checks", new { route = "everyone", message = new string('x', 1001) });
        Assert.Equal("request.invalid", (await ProblemAssert.ReadAsync(tooLong, HttpStatusCode.BadRequest)).Code);
        var unknown = await _api.PostAsync($"/api/exercises/{id}/communication-checks/check-9/close");
        Assert.Equal("check.not-found", (await ProblemAssert.ReadAsync(unknown, HttpStatusCode.NotFound)).Code);

        Assert.Equal(before, await _api.LastSeqAsync(id));
    }

    private static (int Organizations, int Acknowledged, double Rate) Stage(CheckReport report, CheckStage stage) =>
        report.Stages.Single(s => s.Stage == stage) is var s ? (s.Organizations, s.Acknowledged, s.Rate) : default;

    private static async Task<T> Created<T>(ApiClient client, string url, object body)
    {
        using var response = await client.PostAsync(url, body);
        return await ApiClient.ReadAsync<T>(response, HttpStatusCode.Created);
    }
}
