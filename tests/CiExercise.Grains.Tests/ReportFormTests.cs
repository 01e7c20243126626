using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using static CiExercise.Grains.Tests.SimulatedOrganizationTests;
using static CiExercise.Grains.Tests.VoicesScenario;

namespace CiExercise.Grains.Tests;

/// <summary>Report forms: answers checked against the inject's form, recorded as one event, and forwarded along the chain.</summary>
[Collection(nameof(TwoSilos))]
public sealed class ReportFormTests(TwoSiloFixture fixture)
{
    private static readonly FieldAnswer[] Valid =
    [
        new("notes", Text: "  routers down "),
        new("breached", Yes: true),
        new("attack", ChoiceId: "ddos"),
        new("customers", Number: 1200),
        new("impact", Level: 3),
        new("detected-at", At: new DateTimeOffset(2026, 12, 1, 9, 40, 0, TimeSpan.FromHours(9))),
    ];

    private EngineCluster Engine => fixture.Engine;

    /// <summary>Forms compared by content (their lists compare by reference).</summary>
    private static string Json(ReportForm? form) => ScenarioJson.Serialize(form);

    [Fact]
    public async Task A_report_answers_the_inject_once_per_key_and_its_view_carries_the_form_and_the_latest_report()
    {
        var (_, id) = await StartedAsync(Engine);
        var bank = Organization(Engine, id, "bank");

        var first = await bank.SubmitReport(BankCiso, FormInject, Valid, "report-1");
        var resent = await bank.SubmitReport(BankCiso, FormInject, Valid, "report-1");
        var second = await bank.SubmitReport(BankCiso, FormInject, [new("attack", ChoiceId: "ransomware"), new("breached", Yes: false)], null);

        Assert.Equal((first.Seq, true), (resent.Seq, resent.Duplicate));
        var rows = (await Engine.ReadAllAsync(id)).Where(e => e.OrganizationId == "bank").ToArray();
        var delivery = rows.Single(e => e.Kind == EventKind.InjectDelivered && e.InjectId == FormInject);
        var ack = Assert.Single(rows, e => e.Kind == EventKind.InjectAcknowledged && e.InjectId == FormInject);
        Assert.True(ScenarioJson.Deserialize<ParticipantActionPayload>(ack.Payload).Implicit);
        var reports = rows.Where(e => e.Kind == EventKind.ReportSubmitted).ToArray();
        Assert.Equal([first.Seq, second.Seq], reports.Select(e => e.Seq));
        Assert.All(reports, e => Assert.Equal((FormInject, delivery.Seq, BankCiso), (e.InjectId!, e.RefSeq!.Value, e.Actor)));
        var kept = ScenarioJson.Deserialize<ReportSubmittedPayload>(reports[0].Payload).Answers;
        Assert.Equal(["attack", "breached", "detected-at", "impact", "customers", "notes"], kept.Select(a => a.FieldId));
        Assert.Equal("routers down", kept[^1].Text);

        var entry = (await bank.GetView()).Inbox.Single(i => i.InjectId == FormInject);
        Assert.Equal(Json(Form), Json(entry.Form));
        Assert.Equal([first.Seq, second.Seq], entry.ReportSeqs);
        Assert.Equal((second.Seq, "ransomware", "Sato"), (entry.Report!.Seq, entry.Report.Answers[0].ChoiceId, entry.Report.SubmittedBy));
        Assert.Equal(Json(Form), Json(entry.Report.Form));
    }

    [Fact]
    public async Task A_forwarded_report_carries_its_answers_along_the_chain()
    {
        var (_, id) = await StartedAsync(Engine);
        var bank = Organization(Engine, id, "bank");
        var report = await bank.SubmitReport(BankCiso, FormInject, Valid, null);

        await bank.SendMessage(BankCiso, new OutgoingMessage(["fsa"], "Incident report", "See the form", FormInject, report.Seq), null);
        var atFsa = (await Organization(Engine, id, "fsa").GetView()).Received.Single();
        await Organization(Engine, id, "fsa").SendMessage(AsFsa, new OutgoingMessage(["nc"], "Fwd: bank report", "From the bank", null, atFsa.Seq), null);
        var atNc = (await Organization(Engine, id, "nc").GetView()).Received.Single();

        foreach (var received in new[] { atFsa, atNc })
        {
            Assert.Equal((report.Seq, "bank", FormInject), (received.Report!.Seq, received.Report.OrganizationId, received.Report.InjectId));
            Assert.Equal("ddos", received.Report.Answers.Single(a => a.FieldId == "attack").ChoiceId);
            Assert.Equal(Json(Form), Json(received.Report.Form));
        }
        var plain = await bank.SendMessage(BankCiso, new OutgoingMessage(["fsa"], "Plain", "No report", null, null), null);
        Assert.Null((await Organization(Engine, id, "fsa").GetView()).Received.Single(m => m.Subject == "Plain").Report);
        Assert.True(plain.Seq > report.Seq);
    }

    public static TheoryData<string, FieldAnswer[], string> Refusals => new()
    {
        { "an unknown field", [.. Valid, new("weather", Text: "rain")], "report.unknown-field" },
        { "a field answered twice", [.. Valid, new("attack", ChoiceId: "ransomware")], "report.duplicate-answer" },
        { "a choice answered with a text", [new("attack", Text: "ddos"), new("breached", Yes: true)], "report.wrong-type" },
        { "two values", [new("attack", ChoiceId: "ddos", Text: "and more"), new("breached", Yes: true)], "report.wrong-type" },
        { "no value", [new("attack", ChoiceId: "ddos"), new("breached")], "report.wrong-type" },
        { "an option the field does not offer", [new("attack", ChoiceId: "phishing"), new("breached", Yes: true)], "report.unknown-option" },
        { "a number above its maximum", [.. Valid[1..3], new("customers", Number: 1_000_001)], "report.out-of-range" },
        { "a number below its minimum", [.. Valid[1..3], new("customers", Number: -1)], "report.out-of-range" },
        { "a severity above 4", [.. Valid[1..3], new("impact", Level: 5)], "report.out-of-range" },
        { "a text over the field's length", [.. Valid[1..3], new("notes", Text: new string('n', 21))], "text.too-long" },
        { "a required field missing", [new("attack", ChoiceId: "ddos")], "report.answer-required" },
        { "a required field left blank", [new("attack", ChoiceId: "ddos"), new("breached", Yes: true), new("notes", Text: " ")], "" },
        { "too many answers", [.. Enumerable.Range(0, Limits.FormFields + 1).Select(i => new FieldAnswer($"f{i}", Text: "x"))], "report.too-many-answers" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_refusal_names_its_field_with_its_code_and_records_nothing(string what, FieldAnswer[] answers, string code)
    {
        var (_, id) = await StartedAsync(Engine);
        var bank = Organization(Engine, id, "bank");
        var before = (await Engine.ReadAllAsync(id)).Count;

        if (code == "")
        {
            // A blank optional text is dropped, not refused.
            var receipt = await bank.SubmitReport(BankCiso, FormInject, answers, null);
            Assert.DoesNotContain((await bank.GetView()).Inbox.Single(i => i.InjectId == FormInject).Report!.Answers, a => a.FieldId == "notes");
            Assert.True(receipt.Seq > before, what);
            return;
        }
        await Refused(code, () => bank.SubmitReport(BankCiso, FormInject, answers, null));
        Assert.True(before == (await Engine.ReadAllAsync(id)).Count, what);
    }

    [Fact]
    public async Task A_report_needs_a_form_a_delivery_and_play()
    {
        var (grain, id) = await StartedAsync(Engine);
        var telcoCiso = new Actor("Abe", "ciso", "telco");

        await Refused("report.no-form", () => Organization(Engine, id, "telco").SubmitReport(telcoCiso, "i01", Valid, null));
        await Refused("inject.not-delivered", () => Organization(Engine, id, "telco").SubmitReport(telcoCiso, FormInject, Valid, null));
        await Refused("organization.simulated", () => Organization(Engine, id, "fsa").SubmitReport(new Actor("Kato", "staff", "fsa"), FormInject, Valid, null));
        await Refused("actor.controller-as", () => Organization(Engine, id, "fsa").SubmitReport(AsFsa, FormInject, Valid, null));
        await grain.End(Control);
        await Refused("exercise.not-in-play", () => Organization(Engine, id, "card").SubmitReport(CardCiso, FormInject, Valid, null));

        Assert.DoesNotContain(await Engine.ReadAllAsync(id), e => e.Kind == EventKind.ReportSubmitted);
    }
}
