using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Tests;

/// <summary>
/// Keys of controllers', evaluators' and participants' actions: a resend is answered from the first row, also by a
/// fresh activation rebuilt from the log and when the log is the one that finds the key; a reused key is refused.
/// </summary>
[Collection(nameof(TwoSilos))]
public sealed class IdempotencyTests(TwoSiloFixture fixture)
{
    private static readonly Actor Control = Actor.Controller("director");

    private EngineCluster Engine => fixture.Engine;

    private async Task<(IExerciseGrain Grain, string Id)> Create()
    {
        var id = "ex-" + Guid.NewGuid().ToString("N")[..10];
        var grain = Engine.Grains.GetGrain<IExerciseGrain>(id);
        await grain.Create("Idempotency", TestScenario.Create(4, TimeSpan.FromHours(1)), Control);
        return (grain, id);
    }

    private async Task<int> CountAsync(string id, EventKind kind) => (await Engine.ReadAllAsync(id)).Count(e => e.Kind == kind);

    [Fact]
    public async Task A_jump_resent_after_deactivation_is_answered_without_jumping_again()
    {
        var (grain, id) = await Create();
        await grain.Start(Control);
        await grain.Pause(Control);
        var jump = new ControlCommand(ControlVerb.JumpToNextInject);

        var first = await grain.Control(Control, jump, "jump-1");
        await Engine.Cluster.DeactivateAsync(grain);
        var again = await grain.Control(Control, jump, "jump-1");

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.View.Clock.ScenarioElapsed, again.View.Clock.ScenarioElapsed);
        Assert.Equal(1, await CountAsync(id, EventKind.ClockJumped));
        var reused = await Assert.ThrowsAsync<ExerciseRuleException>(() => grain.Control(Control, new ControlCommand(ControlVerb.Resume), "jump-1"));
        Assert.Equal(ClientActionId.ReusedCode, reused.Code);
    }

    [Fact]
    public async Task An_ad_hoc_inject_resent_after_deactivation_answers_the_first_inject()
    {
        var (grain, id) = await Create();
        await grain.Start(Control);
        var draft = new AdHocInject(new Recipients(true, [], [], []), LocalizedText.Empty, Channel.Phone,
            new LocalizedText(null, "Call"), LocalizedText.Empty, null, null, [], []);

        var first = await grain.FireAdHoc(Control, draft, "adhoc-key");
        await Engine.Cluster.DeactivateAsync(grain);
        var again = await grain.FireAdHoc(Control, draft, "adhoc-key");
        var otherDirector = await grain.FireAdHoc(Actor.Controller("deputy"), draft, "adhoc-key");

        Assert.True(again.Replayed);
        Assert.Equal((first.Inject.Inject.Id, first.Inject.FiredSeq), (again.Inject.Inject.Id, again.Inject.FiredSeq));
        Assert.False(otherDirector.Replayed);
        Assert.Equal(2, await CountAsync(id, EventKind.AdHocInjectAdded));
        var reused = await Assert.ThrowsAsync<ExerciseRuleException>(() =>
            grain.FireAdHoc(Control, draft with { Title = new LocalizedText(null, "Another call") }, "adhoc-key"));
        Assert.Equal(ClientActionId.ReusedCode, reused.Code);
    }

    [Fact]
    public async Task A_key_the_log_already_holds_is_answered_from_the_log()
    {
        var (grain, id) = await Create();
        var start = new ControlCommand(ControlVerb.Start);
        // Another activation of the exercise (a silo that was thought lost) recorded the start under the key.
        var now = DateTimeOffset.UtcNow;
        await Engine.Log.AppendAsync(id, [new NewEvent(EventKind.ExerciseStarted, now, TimeSpan.Zero, null, Control, null, null,
            ScenarioJson.Serialize(new ClockPayload(1, ClientActionId: "start-1", Fingerprint: ClientActionId.Fingerprint("Control", start))),
            ClientActionId.DedupeKey(Control.Id, "start-1"))], TestContext.Current.CancellationToken);

        var answer = await grain.Control(Control, start, "start-1");

        Assert.True(answer.Replayed);
        Assert.Equal(ExerciseStatus.Running, answer.View.Status);
        Assert.Equal(1, await CountAsync(id, EventKind.ExerciseStarted));
        var paused = await grain.Pause(Control);
        Assert.Equal(ExerciseStatus.Paused, paused.Status);
    }

    [Fact]
    public async Task Observations_and_decisions_refuse_a_key_reused_for_something_else()
    {
        var (grain, id) = await Create();
        await grain.Start(Control);
        var evaluator = new Actor("Mori", "evaluator", null);
        var observation = new Observation(ObservationKind.Strength, null, "Quick escalation", [], [], []);

        var recorded = await grain.RecordObservation(evaluator, observation, "obs-1");
        await Engine.Cluster.DeactivateAsync(grain);
        var resent = await grain.RecordObservation(evaluator, observation, "obs-1");
        var other = await Assert.ThrowsAsync<ExerciseRuleException>(() =>
            grain.RecordObservation(evaluator, observation with { Text = "Slow escalation" }, "obs-1"));

        Assert.Equal((recorded.Seq, true), (resent.Seq, resent.Duplicate));
        Assert.Equal(ClientActionId.ReusedCode, other.Code);
        Assert.Equal(1, await CountAsync(id, EventKind.ObservationRecorded));

        var telco = Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "telco"));
        var ciso = new Actor("Sato", "ciso", "telco");
        var decided = await telco.Decide(ciso, "i01", "isolate", null, null, "dec-1");
        await Engine.Cluster.DeactivateAsync(telco);
        Assert.Equal(decided.Seq, (await telco.Decide(ciso, "i01", "isolate", null, null, "dec-1")).Seq);
        var otherChoice = await Assert.ThrowsAsync<ExerciseRuleException>(() => telco.Decide(ciso, "i01", null, "Wait", null, "dec-1"));
        var asAcknowledgement = await Assert.ThrowsAsync<ExerciseRuleException>(() => telco.Acknowledge(ciso, "i01", "dec-1"));
        Assert.Equal([ClientActionId.ReusedCode, ClientActionId.ReusedCode], [otherChoice.Code, asAcknowledgement.Code]);
    }
}
