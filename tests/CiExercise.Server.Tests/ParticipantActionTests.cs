using System.Net;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests;

public sealed class ParticipantActionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task Acknowledgement_decision_and_message_show_in_the_views_and_the_log()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        await _api.CommandAsync(id, "jump", new { phaseId = "escalation" });
        await _api.WaitForExerciseAsync(id, v => v.Injects.Single(i => i.Inject.Id == "i4-decision").Status == InjectStatus.Fired,
            "the decision inject is delivered");

        var sato = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff", "Sato"));
        var suzuki = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "manager", "Suzuki"));

        var ack = await Created(sato, $"/api/exercises/{id}/organizations/bank/acknowledgements",
            new { injectId = "i1-alert", clientActionId = "ack-1" });
        var decision = await Created(suzuki, $"/api/exercises/{id}/organizations/bank/decisions",
            new { injectId = "i4-decision", choiceId = "isolate", text = "Isolate the API gateway" });
        var message = await Created(suzuki, $"/api/exercises/{id}/organizations/bank/messages",
            new { to = new[] { "ministry" }, subject = "First report", body = "Online banking is down.", regardingInjectId = "i2-outage" });

        var bank = await _api.GetAsync<OrganizationView>($"/api/exercises/{id}/organizations/bank");
        Assert.Equal((ack.Seq, "Sato"), (bank.Inbox.Single(i => i.InjectId == "i1-alert").AcknowledgedSeq, bank.Inbox.Single(i => i.InjectId == "i1-alert").AcknowledgedBy));
        Assert.Contains(decision.Seq, bank.Inbox.Single(i => i.InjectId == "i4-decision").DecisionSeqs);
        var sent = Assert.Single(bank.Sent);
        Assert.Equal((message.Seq, "First report", "i2-outage"), (sent.Seq, sent.Subject, sent.RegardingInjectId));
        var ministry = await _api.GetAsync<OrganizationView>($"/api/exercises/{id}/organizations/ministry");
        var received = Assert.Single(ministry.Received);
        Assert.Equal(("bank", "Online banking is down."), (received.FromOrganizationId, received.Body));

        var events = await _api.EventsAsync(id);
        var ackEvent = events.Single(e => e.Seq == ack.Seq);
        Assert.Equal((EventKind.InjectAcknowledged, "bank", "i1-alert"), (ackEvent.Kind, ackEvent.OrganizationId, ackEvent.InjectId));
        Assert.Equal(new Actor("Sato", "staff", "bank"), ackEvent.Actor);
        var decisionEvent = events.Single(e => e.Seq == decision.Seq);
        Assert.Equal(EventKind.DecisionRecorded, decisionEvent.Kind);
        Assert.Equal("isolate", decisionEvent.Payload.GetProperty("choiceId").GetString());
        Assert.Equal(EventKind.MessageSent, events.Single(e => e.Seq == message.Seq).Kind);
        Assert.Contains(events, e => e.Kind == EventKind.MessageReceived && e.OrganizationId == "ministry");
    }

    [Fact]
    public async Task A_repeated_client_action_is_recorded_once()
    {
        var id = (await _api.CreateExerciseAsync()).Id;
        await _api.CommandAsync(id, "start");
        var sato = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff", "Sato"));
        var body = new { injectId = "i1-alert", text = "Block the address range", clientActionId = "tab-7:1" };

        var first = await Created(sato, $"/api/exercises/{id}/organizations/bank/decisions", body);
        var again = await Created(sato, $"/api/exercises/{id}/organizations/bank/decisions", body);

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Seq, again.Seq);
        Assert.Single(await _api.EventsAsync(id), e => e.Kind == EventKind.DecisionRecorded);
    }

    private static async Task<ActionReceipt> Created(ApiClient participant, string url, object body)
    {
        using var response = await participant.PostAsync(url, body);
        var receipt = await ApiClient.ReadAsync<ActionReceipt>(response, HttpStatusCode.Created);
        Assert.NotNull(response.Headers.Location);
        return receipt;
    }
}
