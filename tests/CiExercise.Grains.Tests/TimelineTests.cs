using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;

namespace CiExercise.Grains.Tests;

[CollectionDefinition(nameof(TwoSilos))]
public sealed class TwoSilos : ICollectionFixture<TwoSiloFixture>;

public sealed class TwoSiloFixture : IAsyncLifetime
{
    public EngineCluster Engine { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Engine = await EngineCluster.StartAsync(2);

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}

[Collection(nameof(TwoSilos))]
public sealed class TimelineTests(TwoSiloFixture fixture)
{
    private static readonly Actor Control = Actor.Controller("director");

    private EngineCluster Engine => fixture.Engine;

    private async Task<(IExerciseGrain Grain, string Id)> Create(int injects, TimeSpan spacing)
    {
        var id = "ex-" + Guid.NewGuid().ToString("N")[..10];
        var grain = Engine.Grains.GetGrain<IExerciseGrain>(id);
        await grain.Create("Test exercise", TestScenario.Create(injects, spacing), Control);
        return (grain, id);
    }

    [Fact]
    public async Task Injects_reach_exactly_their_recipients_at_their_scenario_times()
    {
        var scenario = TestScenario.Create(10, TimeSpan.FromMinutes(2));
        var (grain, id) = await Create(10, TimeSpan.FromMinutes(2));
        await grain.SetSpeed(Control, 600); // two story minutes every 0.2 s
        await grain.Start(Control);

        var view = await Eventually.Until(grain.GetView, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject to fire");

        var events = await Engine.ReadAllAsync(id);
        LogAssertions.GapFree(events);
        LogAssertions.DeliveredExactlyToRecipients(scenario, events, scenario.Injects.Select(i => i.Id));
        foreach (var fired in events.Where(e => e.Kind == EventKind.InjectFired))
        {
            // Never early; and in timeline order.
            Assert.True(fired.ScenarioTime >= scenario.FindInject(fired.InjectId!)!.At, $"{fired.InjectId} fired early at {fired.ScenarioTime}");
        }
        Assert.Equal(scenario.Injects.Select(i => i.Id), events.Where(e => e.Kind == EventKind.InjectFired).Select(e => e.InjectId));
        Assert.All(view.Injects, i => Assert.False(i.Late));
        var roleOnly = scenario.Injects[2];
        var ciso = events.Where(e => e.Kind == EventKind.InjectDelivered && e.InjectId == roleOnly.Id).ToArray();
        Assert.Equal(["bank", "card", "telco"], ciso.Select(e => e.OrganizationId!).Order());
    }

    [Fact]
    public async Task A_repeated_fire_delivers_once()
    {
        var scenario = TestScenario.Create(5, TimeSpan.FromMinutes(1));
        var (grain, id) = await Create(5, TimeSpan.FromMinutes(1));
        await grain.SetSpeed(Control, 3600);
        await grain.Start(Control);
        await Eventually.Until(grain.GetView, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject to fire");
        var before = await Engine.ReadAllAsync(id);

        // The scheduler retrying, a recovery sweep and a fresh activation all at once.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.FireDue()));
        await Engine.Cluster.DeactivateAsync(grain);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.FireDue()));

        var after = await Engine.ReadAllAsync(id);
        Assert.Equal(before.Count, after.Count);
        LogAssertions.GapFree(after);
        LogAssertions.DeliveredExactlyToRecipients(scenario, after, scenario.Injects.Select(i => i.Id));
    }

    [Fact]
    public async Task Participants_acknowledge_decide_and_share_only_what_reached_them()
    {
        var (grain, id) = await Create(4, TimeSpan.FromMinutes(1));
        await grain.SetSpeed(Control, 3600);
        await grain.Start(Control);
        await Eventually.Until(grain.GetView, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject to fire");
        var telco = Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "telco"));
        var bank = Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "bank"));
        var ciso = new Actor("Sato", "ciso", "telco");

        var ack = await telco.Acknowledge(ciso, "i01", "c-1");
        var again = await telco.Acknowledge(ciso, "i01", "c-2");
        Assert.Equal(ack.Seq, again.Seq);
        Assert.True(again.Duplicate);
        var decision = await telco.Decide(ciso, "i01", "isolate", "Cutting the VPN concentrator off", null, "c-3");
        var resent = await telco.Decide(ciso, "i01", "isolate", "Cutting the VPN concentrator off", null, "c-3");
        Assert.Equal(decision.Seq, resent.Seq);

        // i02 went to finance and credit cards only; an unknown choice and another organization are refused.
        var notDelivered = await Assert.ThrowsAsync<ExerciseRuleException>(() => telco.Acknowledge(ciso, "i02", null));
        Assert.Equal("inject.not-delivered", notDelivered.Code);
        var badChoice = await Assert.ThrowsAsync<ExerciseRuleException>(() => telco.Decide(ciso, "i01", "panic", null, null, null));
        Assert.Equal("decision.unknown-choice", badChoice.Code);
        var impersonation = await Assert.ThrowsAsync<ExerciseRuleException>(() => bank.Acknowledge(ciso, "i02", null));
        Assert.Equal("actor.wrong-organization", impersonation.Code);

        var sent = await telco.SendMessage(ciso, new OutgoingMessage(["mic", "nc"], "Incident report", "VPN compromise", "i01", null), "c-4");
        var mic = await Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "mic")).GetView();
        var received = Assert.Single(mic.Received);
        Assert.Equal("telco", received.FromOrganizationId);
        var forwarded = await Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "mic"))
            .SendMessage(new Actor("Ito", "staff", "mic"), new OutgoingMessage(["nc"], "Fwd: Incident report", "From telco", null, received.Seq), null);
        Assert.True(forwarded.Seq > sent.Seq);

        await grain.Halt(Control, "Real power outage in Kanto");
        var halted = await Assert.ThrowsAsync<ExerciseRuleException>(() => telco.Decide(ciso, "i01", "monitor", null, null, null));
        Assert.Equal("exercise.not-in-play", halted.Code);

        var events = await Engine.ReadAllAsync(id);
        LogAssertions.GapFree(events);
        Assert.Single(events, e => e.Kind == EventKind.InjectAcknowledged && e.OrganizationId == "telco" && e.InjectId == "i01");
        Assert.Single(events, e => e.Kind == EventKind.DecisionRecorded);
        // telco → mic, nc; then mic → nc.
        Assert.Equal(["mic", "nc", "nc"], events.Where(e => e.Kind == EventKind.MessageReceived).Select(e => e.OrganizationId!).Order());
        Assert.Equal(received.Seq, events.Last(e => e.Kind == EventKind.MessageSent).RefSeq);
    }

    [Fact]
    public async Task Evaluators_record_observations_against_objectives_and_injects()
    {
        var (grain, id) = await Create(2, TimeSpan.FromHours(1));
        var evaluator = new Actor("Tanaka", "evaluator", null);
        var observation = new Observation(ObservationKind.AreaForImprovement, HseepRating.S,
            "The bank reported to the FSA 40 minutes after detection", ["share"], ["i01"], ["bank"]);
        var early = await Assert.ThrowsAsync<ExerciseRuleException>(() => grain.RecordObservation(evaluator, observation, null));
        Assert.Equal("exercise.not-started", early.Code);

        await grain.Start(Control);
        var receipt = await grain.RecordObservation(evaluator, observation, "obs-1");
        var again = await grain.RecordObservation(evaluator, observation, "obs-1");
        Assert.Equal(receipt.Seq, again.Seq);
        Assert.True(again.Duplicate);
        var unknown = await Assert.ThrowsAsync<ExerciseRuleException>(() =>
            grain.RecordObservation(evaluator, observation with { ObjectiveIds = ["speed"] }, null));
        Assert.Equal("objective.not-found", unknown.Code);

        var events = await Engine.ReadAllAsync(id);
        LogAssertions.GapFree(events);
        var recorded = Assert.Single(events, e => e.Kind == EventKind.ObservationRecorded);
        Assert.Equal(receipt.Seq, recorded.Seq);
        Assert.Equal("Tanaka", recorded.Actor.Id);
        Assert.Contains("\"rating\":\"s\"", recorded.Payload);
    }

    [Fact]
    public async Task Jumps_go_forward_to_a_phase_or_the_next_inject()
    {
        var (grain, _) = await Create(6, TimeSpan.FromHours(1));
        await grain.Start(Control); // real time: nothing after the first inject falls due by itself
        await Eventually.Until(grain.GetView, v => v.Injects[0].Status == InjectStatus.Fired, "the first inject");
        var jumped = await grain.JumpToNextInject(Control);
        Assert.Equal(InjectStatus.Fired, jumped.Injects[1].Status);
        Assert.False(jumped.Injects[1].Late);
        var phase = await grain.JumpToPhase(Control, "respond");
        Assert.Equal("respond", phase.CurrentPhaseId);
        Assert.Equal(InjectStatus.Fired, phase.Injects[3].Status);
        var backwards = await Assert.ThrowsAsync<ExerciseRuleException>(() => grain.JumpToPhase(Control, "detect"));
        Assert.Equal("clock.jump-backwards", backwards.Code);
    }
}
