using System.Net;
using CiExercise.Client;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Simulated;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;

namespace CiExercise.Server.Tests.Voices;

/// <summary>Report forms over HTTP and the hub: answered once per key, refused with the form's codes, forwarded with their answers.</summary>
public sealed class ReportFormApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HubHarness _hub = new(server.Factory);

    private static object Answers(string attack = "ddos") => new object[]
    {
        new { fieldId = "attack", choiceId = attack },
        new { fieldId = "breached", yes = true },
        new { fieldId = "customers", number = 12000 },
    };

    [Fact]
    public async Task A_report_is_recorded_once_shown_with_its_form_and_forwarded_with_its_answers_to_the_simulated_ministry()
    {
        var id = await VoicesScenario.StartedAsync(_hub);
        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        var key = Guid.NewGuid().ToString("D");

        using var first = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/reports",
            new { injectId = "i2-outage", answers = Answers(), clientActionId = key });
        var receipt = await ApiClient.ReadAsync<ActionReceipt>(first, HttpStatusCode.Created);
        using var again = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/reports",
            new { injectId = "i2-outage", answers = Answers(), clientActionId = key });
        Assert.Equal((receipt.Seq, true), ((await ApiClient.ReadAsync<ActionReceipt>(again, HttpStatusCode.Created)).Seq, again.Headers.Contains("Idempotent-Replayed")));

        var view = await bank.GetAsync<OrganizationView>($"/api/exercises/{id}/organizations/bank");
        var entry = view.Inbox.Single(i => i.InjectId == "i2-outage");
        Assert.Equal(["attack", "breached", "customers"], entry.Form!.Fields.Select(f => f.Id));
        Assert.Equal([receipt.Seq], entry.ReportSeqs);
        Assert.Equal((receipt.Seq, 12000m), (entry.Report!.Seq, entry.Report.Answers[2].Number));
        Assert.NotNull(entry.AcknowledgedSeq);
        var row = (await server.Api.EventsAsync(id)).Single(e => e.Seq == receipt.Seq);
        Assert.Equal((EventKind.ReportSubmitted, entry.DeliveredSeq), (row.Kind, row.RefSeq));

        using var forwarded = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/messages",
            new { to = new[] { "ministry" }, subject = "Incident report", body = "Our report", forwardedFromSeq = receipt.Seq });
        await ApiClient.ReadAsync<ActionReceipt>(forwarded, HttpStatusCode.Created);
        var inbox = await server.Api.GetAsync<SimulatedInboxPage>($"/api/exercises/{id}/simulated/inbox");
        var carried = inbox.Items.Single(i => i.Message is not null).Message!.Report!;
        Assert.Equal((receipt.Seq, "bank", "ddos", "Incident report"),
            (carried.Seq, carried.OrganizationId, carried.Answers[0].ChoiceId, carried.Form!.Title.En));
    }

    [Fact]
    public async Task The_hub_submits_a_report_and_refusals_carry_the_forms_codes()
    {
        var id = await VoicesScenario.StartedAsync(_hub);
        var bank = await server.Factory.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        await using var power = await _hub.ConnectAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "power", "staff")).Token);
        var before = await server.Api.LastSeqAsync(id);

        var cases = new (object Body, HttpStatusCode Status, string Code)[]
        {
            (new { injectId = "i2-outage", answers = new object[] { new { fieldId = "attack", choiceId = "phishing" }, new { fieldId = "breached", yes = true } } },
                HttpStatusCode.BadRequest, "report.unknown-option"),
            (new { injectId = "i2-outage", answers = new object[] { new { fieldId = "attack", choiceId = "ddos" } } }, HttpStatusCode.BadRequest, "report.answer-required"),
            (new { injectId = "i2-outage", answers = new object[] { new { fieldId = "weather", text = "rain" } } }, HttpStatusCode.BadRequest, "report.unknown-field"),
            (new { injectId = "i1-alert", answers = Answers() }, HttpStatusCode.BadRequest, "report.no-form"),
            (new { injectId = "i3-water", answers = Answers() }, HttpStatusCode.NotFound, "inject.not-delivered"),
            (new { injectId = "i2-outage" }, HttpStatusCode.BadRequest, "request.invalid"),
            (new { injectId = "i2-outage", answers = new object[] { new { fieldId = new string('f', 65), text = "x" } } }, HttpStatusCode.BadRequest, "request.invalid"),
        };
        foreach (var (body, status, code) in cases)
        {
            using var response = await bank.PostAsync($"/api/exercises/{id}/organizations/bank/reports", body);
            Assert.Equal(code, (await ProblemAssert.ReadAsync(response, status)).Code);
        }
        Assert.Equal(before, await server.Api.LastSeqAsync(id));

        var refused = await Assert.ThrowsAsync<ExerciseHubException>(() =>
            power.SubmitReport(id, "i2-outage", [new FieldAnswer("attack", ChoiceId: "ddos"), new FieldAnswer("breached", Number: 1)], null));
        Assert.Equal("report.wrong-type", refused.Code);
        var receipt = await power.SubmitReport(id, "i2-outage", [new FieldAnswer("attack", ChoiceId: "ransomware"), new FieldAnswer("breached", Yes: false)], null);
        var row = (await server.Api.EventsAsync(id)).Single(e => e.Seq == receipt.Seq);
        Assert.Equal((EventKind.ReportSubmitted, "power", "i2-outage"), (row.Kind, row.OrganizationId!, row.InjectId!));
    }
}
