using System.Net;
using System.Text.Json;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Simulated;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;

namespace CiExercise.Server.Tests.Voices;

/// <summary>
/// The control cell plays the simulated organizations over the API: its inbox of what reached them, and messages
/// sent as them that reach the participants' consoles live, recorded with the controller and the organization.
/// </summary>
public sealed class SimulatedOrganizationApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HubHarness _hub = new(server.Factory);

    [Fact]
    public async Task A_controllers_reply_as_the_simulated_ministry_reaches_the_participant_live_and_is_recorded_with_both()
    {
        var id = await VoicesScenario.StartedAsync(_hub);
        var (bank, bankEvents) = await _hub.SubscribeAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token, id);
        await using var _ = bank;
        await bank.SendMessage(id, new OutgoingMessage(["ministry"], "First report", "Cloud outage hits our card systems", "i2-outage", null), null);
        var controller = await server.Factory.SignInAsync(TestPrincipals.Controller(id));

        var inbox = await controller.GetAsync<SimulatedInboxPage>($"/api/exercises/{id}/simulated/inbox");
        var report = Assert.Single(inbox.Items, i => i.Message is not null);
        Assert.Equal(("ministry", "bank", "First report"), (report.OrganizationId, report.Message!.FromOrganizationId, report.Message.Subject));
        using var replied = await controller.PostAsync($"/api/exercises/{id}/organizations/ministry/messages",
            new { to = new[] { "bank" }, subject = "Re: First report", body = "Send the follow-up within the hour", forwardedFromSeq = report.Seq });
        var receipt = await ApiClient.ReadAsync<ActionReceipt>(replied, HttpStatusCode.Created);

        var live = (await bankEvents.WaitForAsync(e => e.Any(x => x.Kind == EventKind.MessageReceived), "the reply reaches the bank's console"))
            .Single(e => e.Kind == EventKind.MessageReceived);
        Assert.Equal(("bank", "Controller", "control"), (live.OrganizationId, live.ActorId, live.ActorRole));
        Assert.Equal(("ministry", "Re: First report"), (live.Payload.GetProperty("from").GetString(), live.Payload.GetProperty("subject").GetString()));
        var recorded = (await server.Api.EventsAsync(id)).Where(e => e.Seq >= receipt.Seq && e.Kind is EventKind.MessageSent or EventKind.MessageReceived).ToArray();
        Assert.Equal([("ministry", EventKind.MessageSent), ("bank", EventKind.MessageReceived)], recorded.Select(e => (e.OrganizationId!, e.Kind)));
        Assert.All(recorded, e => Assert.Equal(Actor.ControllerAs("Controller", "ministry"), e.Actor));
        var bankView = await (await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff")))
            .GetAsync<OrganizationView>($"/api/exercises/{id}/organizations/bank");
        Assert.Equal(("ministry", "Controller"), (bankView.Received.Single().FromOrganizationId, bankView.Received.Single().SentBy));
    }

    [Fact]
    public async Task The_inbox_pages_by_seq_and_holds_deliveries_to_simulated_organizations()
    {
        var id = await VoicesScenario.StartedAsync(_hub);
        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        for (var i = 0; i < 3; i++)
            (await bank.PostAsync($"/api/exercises/{id}/organizations/bank/messages", new { to = new[] { "ministry" }, subject = $"Report {i}", body = "b" })).Dispose();
        await server.Api.CommandAsync(id, "jump", new { to = "next-inject" }); // i3-water
        await server.Api.CommandAsync(id, "jump", new { to = "next-inject" }); // i4-decision: everyone, the ministry too

        var first = await server.Api.GetAsync<SimulatedInboxPage>($"/api/exercises/{id}/simulated/inbox?limit=2");
        var rest = await server.Api.GetAsync<SimulatedInboxPage>($"/api/exercises/{id}/simulated/inbox?after={first.NextAfter}");

        Assert.True(first.HasMore);
        Assert.False(rest.HasMore);
        var items = first.Items.Concat(rest.Items).ToArray();
        Assert.Equal(["Report 0", "Report 1", "Report 2"], items.Where(i => i.Message is not null).Select(i => i.Message!.Subject));
        var delivery = Assert.Single(items, i => i.Delivery is not null);
        Assert.Equal(("i4-decision", "i4-decision"), (delivery.Delivery!.InjectId, delivery.Inject!.Id));
        Assert.Equal(items.Select(i => i.Seq).Order(), items.Select(i => i.Seq));
        Assert.All(items, i => Assert.Equal("ministry", i.OrganizationId));
    }

    [Fact]
    public async Task A_controller_cannot_speak_for_an_organization_participants_play_nor_a_participant_for_the_ministry()
    {
        var id = await VoicesScenario.StartedAsync(_hub);
        var controller = await server.Factory.SignInAsync(TestPrincipals.Controller(id));
        var before = await server.Api.LastSeqAsync(id);
        var message = new { to = new[] { "power" }, subject = "s", body = "b" };

        using var asBank = await controller.PostAsync($"/api/exercises/{id}/organizations/bank/messages", message);
        var refused = await ProblemAssert.ReadAsync(asBank, HttpStatusCode.Forbidden);
        Assert.Equal("auth.forbidden", refused.Code);
        Assert.Contains("simulated", refused.Detail);
        var ministryLink = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "ministry", "staff"));
        using var asMinistry = await ministryLink.PostAsync($"/api/exercises/{id}/organizations/ministry/messages", message);
        Assert.Equal("organization.simulated", (await ProblemAssert.ReadAsync(asMinistry, HttpStatusCode.BadRequest)).Code);
        var evaluator = await server.Factory.SignInAsync(TestPrincipals.Evaluator(id));
        using var byEvaluator = await evaluator.PostAsync($"/api/exercises/{id}/organizations/ministry/messages", message);
        await ProblemAssert.ReadAsync(byEvaluator, HttpStatusCode.Forbidden);
        using var inbox = await evaluator.Http.GetAsync($"/api/exercises/{id}/simulated/inbox", TestContext.Current.CancellationToken);
        await ProblemAssert.ReadAsync(inbox, HttpStatusCode.Forbidden);
        using var badPage = await controller.Http.GetAsync($"/api/exercises/{id}/simulated/inbox?limit=0", TestContext.Current.CancellationToken);
        Assert.Equal("request.invalid", (await ProblemAssert.ReadAsync(badPage, HttpStatusCode.BadRequest)).Code);

        Assert.Equal(before, await server.Api.LastSeqAsync(id));
    }
}
