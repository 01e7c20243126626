using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Tests;

/// <summary>
/// The actions the after-action review is built from: evaluators' task ratings, severity ratings with decisions,
/// participants' hot-wash answers after the end, and each participant's first subscription, once.
/// </summary>
[Collection(nameof(TwoSilos))]
public sealed class ReviewActionTests(TwoSiloFixture fixture)
{
    private static readonly Actor Control = Actor.Controller("director");
    private static readonly Actor Evaluator = new("Tanaka", "evaluator", null);
    private static readonly Actor TelcoCiso = new("Sato", "ciso", "telco");

    private EngineCluster Engine => fixture.Engine;

    /// <summary>The test scenario with critical tasks, a severity ask on i01 (telco, with choices) and a two-question hot wash.</summary>
    private static Scenario Scenario()
    {
        var scenario = TestScenario.Create(4, TimeSpan.FromHours(1));
        var objective = scenario.Objectives[0] with
        {
            Tasks = [new CriticalTask("notify", new LocalizedText(null, "Notify the ministry")), new CriticalTask("share-ioc", new LocalizedText(null, "Share IoCs"))],
        };
        var injects = scenario.Injects.Select(i => i.Id == "i01" ? i with { Severity = new SeverityAsk(2) } : i).ToArray();
        var review = ReviewSettings.Default with
        {
            HotWash =
            [
                new HotWashQuestion("realism", new LocalizedText(null, "Realism"), HotWashQuestionKind.Rating, Required: true),
                new HotWashQuestion("notes", new LocalizedText(null, "Notes"), HotWashQuestionKind.Text, Required: false),
            ],
        };
        return scenario with { Objectives = [objective], Injects = injects, Review = review };
    }

    private async Task<(IExerciseGrain Grain, string Id)> Create()
    {
        var id = "ex-" + Guid.NewGuid().ToString("N")[..10];
        var grain = Engine.Grains.GetGrain<IExerciseGrain>(id);
        await grain.Create("Review actions", Scenario(), Control);
        return (grain, id);
    }

    private IOrganizationGrain Organization(string id, string org) => Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, org));

    private async Task<ExerciseEvent[]> EventsAsync(string id, EventKind kind) => (await Engine.ReadAllAsync(id)).Where(e => e.Kind == kind).ToArray();

    private static async Task<string> RefusedAsync(Func<Task> action) => (await Assert.ThrowsAsync<ExerciseRuleException>(action)).Code;

    [Fact]
    public async Task A_task_rating_needs_a_started_exercise_a_known_task_and_evidence_from_the_log_and_counts_once_per_key()
    {
        var (grain, id) = await Create();
        var rating = new TaskRating("share", "notify", HseepRating.S, "  Reported late  ", []);
        Assert.Equal("exercise.not-started", await RefusedAsync(() => grain.RateTask(Evaluator, rating, null)));

        await grain.Start(Control);
        var decision = await Organization(id, "telco").Decide(TelcoCiso, "i01", "isolate", null, new SeverityRating(2, 1, 0), null);
        Assert.Equal("objective.not-found", await RefusedAsync(() => grain.RateTask(Evaluator, rating with { ObjectiveId = "none" }, null)));
        Assert.Equal("task.not-found", await RefusedAsync(() => grain.RateTask(Evaluator, rating with { TaskId = "none" }, null)));
        Assert.Equal("evidence.not-found",
            await RefusedAsync(() => grain.RateTask(Evaluator, rating with { EvidenceSeqs = [decision.Seq + 1000] }, null)));
        Assert.Equal("evidence.invalid-seq", await RefusedAsync(() => grain.RateTask(Evaluator, rating with { EvidenceSeqs = [0] }, null)));
        Assert.Equal("evidence.too-many", await RefusedAsync(() =>
            grain.RateTask(Evaluator, rating with { EvidenceSeqs = [.. Enumerable.Range(1, Limits.TaskEvidence + 1).Select(i => (long)i)] }, null)));
        Assert.Empty(await EventsAsync(id, EventKind.TaskRated));

        // The decision is an organization's row, past what the exercise grain has folded: the log is asked.
        var withEvidence = rating with { EvidenceSeqs = [decision.Seq, 1, decision.Seq] };
        var first = await grain.RateTask(Evaluator, withEvidence, "rate-1");
        await Engine.Cluster.DeactivateAsync(grain);
        var resent = await grain.RateTask(Evaluator, withEvidence, "rate-1");
        var reused = await RefusedAsync(() => grain.RateTask(Evaluator, withEvidence with { Rating = HseepRating.P }, "rate-1"));

        Assert.Equal((first.Seq, true), (resent.Seq, resent.Duplicate));
        Assert.Equal(ClientActionId.ReusedCode, reused);
        var row = Assert.Single(await EventsAsync(id, EventKind.TaskRated));
        Assert.Equal((first.Seq, Evaluator, (string?)null), (row.Seq, row.Actor, row.OrganizationId));
        var stored = ScenarioJson.Deserialize<TaskRatedPayload>(row.Payload).Rating;
        Assert.Equal(("share", "notify", HseepRating.S, "Reported late"), (stored.ObjectiveId, stored.TaskId, stored.Rating, stored.Text));
        Assert.Equal([1, decision.Seq], stored.EvidenceSeqs);

        await grain.End(Control);
        var afterEnd = await grain.RateTask(Evaluator, rating with { TaskId = "share-ioc", Rating = HseepRating.M }, null);
        Assert.Equal(2, (await EventsAsync(id, EventKind.TaskRated)).Length);
        Assert.True(afterEnd.Seq > first.Seq);
    }

    [Fact]
    public async Task A_decision_carries_a_severity_exactly_when_the_inject_asks_for_one()
    {
        var (grain, id) = await Create();
        await grain.Start(Control);
        var telco = Organization(id, "telco");

        Assert.Equal("decision.severity-required", await RefusedAsync(() => telco.Decide(TelcoCiso, "i01", "isolate", null, null, null)));
        Assert.Equal("decision.severity-invalid",
            await RefusedAsync(() => telco.Decide(TelcoCiso, "i01", "isolate", null, new SeverityRating(5, 0, 0), null)));
        Assert.Equal("decision.severity-invalid",
            await RefusedAsync(() => telco.Decide(TelcoCiso, "i01", "isolate", null, new SeverityRating(0, -1, 0), null)));
        var severity = new SeverityRating(2, 1, 3);
        var decided = await telco.Decide(TelcoCiso, "i01", "isolate", "Serious", severity, "dec-1");
        await Engine.Cluster.DeactivateAsync(telco);
        var resent = await telco.Decide(TelcoCiso, "i01", "isolate", "Serious", severity, "dec-1");
        var otherSeverity = await RefusedAsync(() => telco.Decide(TelcoCiso, "i01", "isolate", "Serious", severity with { Trust = 4 }, "dec-1"));

        Assert.Equal((decided.Seq, true), (resent.Seq, resent.Duplicate));
        Assert.Equal(ClientActionId.ReusedCode, otherSeverity);
        var row = Assert.Single(await EventsAsync(id, EventKind.DecisionRecorded));
        var payload = ScenarioJson.Deserialize<ParticipantActionPayload>(row.Payload);
        Assert.Equal((severity, 3), (payload.Severity, payload.Severity!.Level));

        // i02 reaches the bank and asks for no severity; neither does an ad-hoc inject.
        await grain.JumpToNextInject(Control);
        var bankCiso = new Actor("Ito", "ciso", "bank");
        var bank = Organization(id, "bank");
        Assert.Equal("decision.severity-not-asked", await RefusedAsync(() => bank.Decide(bankCiso, "i02", null, "Noted", new SeverityRating(1, 1, 1), null)));
        var adHoc = await grain.FireAdHoc(Control, new AdHocInject(new Recipients(false, ["bank"], [], []), LocalizedText.Empty, Channel.Phone,
            new LocalizedText(null, "Call"), LocalizedText.Empty, null, null, [], []));
        Assert.Equal("decision.severity-not-asked",
            await RefusedAsync(() => bank.Decide(bankCiso, adHoc.Inject.Id, null, "Noted", new SeverityRating(1, 1, 1), null)));
        await bank.Decide(bankCiso, "i02", null, "Noted", null, null);
        Assert.Null(ScenarioJson.Deserialize<ParticipantActionPayload>((await EventsAsync(id, EventKind.DecisionRecorded))[^1].Payload).Severity);
    }

    [Fact]
    public async Task Hot_wash_answers_are_taken_only_after_the_end_and_only_as_the_questions_ask()
    {
        var (grain, id) = await Create();
        await grain.Start(Control);
        var telco = Organization(id, "telco");
        HotWashAnswer[] good = [new("realism", 4, null), new("notes", null, "  Calls to the ministry went well  ")];
        Assert.Equal("exercise.not-ended", await RefusedAsync(() => telco.SubmitHotWash(TelcoCiso, good, null)));

        await grain.End(Control);
        var unknown = await Assert.ThrowsAsync<ExerciseRuleException>(() => telco.SubmitHotWash(TelcoCiso, [.. good, new("weather", 3, null)], null));
        Assert.Equal(("hot-wash.unknown-question", RuleKind.Invalid), (unknown.Code, unknown.Kind));
        Assert.Contains("'weather'", unknown.Message);
        Assert.Equal("hot-wash.rating-out-of-range", await RefusedAsync(() => telco.SubmitHotWash(TelcoCiso, [new("realism", 6, null)], null)));
        Assert.Equal("hot-wash.rating-out-of-range", await RefusedAsync(() => telco.SubmitHotWash(TelcoCiso, [new("realism", null, null)], null)));
        Assert.Equal("hot-wash.text-on-rating", await RefusedAsync(() => telco.SubmitHotWash(TelcoCiso, [new("realism", 3, "good")], null)));
        Assert.Equal("hot-wash.rating-on-text", await RefusedAsync(() => telco.SubmitHotWash(TelcoCiso, [new("realism", 3, null), new("notes", 2, null)], null)));
        Assert.Equal("hot-wash.duplicate-answer", await RefusedAsync(() => telco.SubmitHotWash(TelcoCiso, [new("realism", 3, null), new("realism", 2, null)], null)));
        Assert.Equal("text.too-long", await RefusedAsync(() =>
            telco.SubmitHotWash(TelcoCiso, [new("realism", 3, null), new("notes", null, new string('x', Limits.TextLength + 1))], null)));
        var missing = await Assert.ThrowsAsync<ExerciseRuleException>(() => telco.SubmitHotWash(TelcoCiso, [new("notes", null, "Only notes")], null));
        Assert.Equal("hot-wash.answer-required", missing.Code);
        Assert.Contains("'realism'", missing.Message);
        Assert.Equal("hot-wash.too-many-answers", await RefusedAsync(() =>
            telco.SubmitHotWash(TelcoCiso, [.. Enumerable.Repeat(new HotWashAnswer("realism", 3, null), Limits.HotWashAnswers + 1)], null)));
        Assert.Empty(await EventsAsync(id, EventKind.HotWashSubmitted));

        var first = await telco.SubmitHotWash(TelcoCiso, good, "hw-1");
        await Engine.Cluster.DeactivateAsync(telco);
        var resent = await telco.SubmitHotWash(TelcoCiso, good, "hw-1");
        var changed = await telco.SubmitHotWash(TelcoCiso, [new("realism", 2, null)], "hw-2");

        Assert.Equal((first.Seq, true), (resent.Seq, resent.Duplicate));
        var rows = await EventsAsync(id, EventKind.HotWashSubmitted);
        Assert.Equal([first.Seq, changed.Seq], rows.Select(r => r.Seq));
        Assert.All(rows, r => Assert.Equal(("telco", TelcoCiso), (r.OrganizationId, r.Actor)));
        Assert.Equal([new("realism", 4, null), new("notes", null, "Calls to the ministry went well")],
            ScenarioJson.Deserialize<HotWashPayload>(rows[0].Payload).Answers);
    }

    [Fact]
    public async Task A_participant_joins_once_whatever_the_status_and_however_often_the_console_subscribes()
    {
        var (grain, id) = await Create();
        var telco = Organization(id, "telco");
        var staff = new Actor("Kato", "staff", "telco");

        await telco.Joined(TelcoCiso);
        await telco.Joined(TelcoCiso);
        await Engine.Cluster.DeactivateAsync(telco);
        await telco.Joined(TelcoCiso);
        await grain.Start(Control);
        await telco.Joined(staff);
        await grain.End(Control);
        await telco.Joined(staff);
        var wrongOrganization = await RefusedAsync(() => Organization(id, "bank").Joined(staff));

        var joined = await EventsAsync(id, EventKind.ParticipantJoined);
        Assert.Equal([TelcoCiso, staff], joined.Select(e => e.Actor));
        Assert.Equal(["ciso", "staff"], joined.Select(e => ScenarioJson.Deserialize<ParticipantJoinedPayload>(e.Payload).Role));
        Assert.All(joined, e => Assert.Equal("telco", e.OrganizationId));
        Assert.Equal("actor.wrong-organization", wrongOrganization);
    }
}
