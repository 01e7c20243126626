using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Tests;
using CiExercise.Review.Model;

namespace CiExercise.Review.Tests;

/// <summary>
/// The review of an exercise played through the engine (see <see cref="ScriptedExercise"/> for the minute-by-minute
/// script); every expected figure below is worked out by hand from that script.
/// </summary>
[Collection(nameof(ControlledEngine))]
public sealed class EngineReviewTests(ControlledEngine engine)
{
    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    private static Duration D(double scenario, double wall) => new(M(scenario), M(wall));

    [Fact]
    public async Task Acknowledgement_and_decision_times_are_measured_from_delivery_in_both_clocks()
    {
        var run = await ScriptedExercise.RunAsync(engine);
        var review = await engine.Reviews().GetAsync(run.Id, TestContext.Current.CancellationToken);

        Assert.Equal((ExerciseStatus.Ended, M(40)), (review.Status, review.ScenarioEnd));
        Assert.Equal((run.Start, run.Start + M(44)), (review.StartedAt!.Value, review.EndedAt!.Value));
        var telco = Assert.Single(review.Kpis.Responses, r => r.OrganizationId == "telco");
        Assert.Equal((D(2, 2), "staff", D(7, 7), "ciso", (bool?)true, false),
            (telco.Acknowledge, telco.AcknowledgedByRole, telco.FirstDecision, telco.DecidedByRole, telco.InsideWindow, telco.Overdue));
        var bank = Assert.Single(review.Kpis.Responses, r => r.OrganizationId == "bank");
        Assert.Equal((M(10), M(30), D(3, 3), D(5, 5), "executive", (bool?)true),
            (bank.DeliveredAtScenario, bank.RespondBy, bank.Acknowledge, bank.FirstDecision, bank.DecidedByRole, bank.InsideWindow));
        // Acknowledged at w22 = s18 after the pause: eight scenario minutes, twelve wall minutes; never decided.
        var power = Assert.Single(review.Kpis.Responses, r => r.OrganizationId == "power");
        Assert.Equal((D(8, 12), "executive", (Duration?)null, (bool?)false, true),
            (power.Acknowledge, power.AcknowledgedByRole, power.FirstDecision, power.InsideWindow, power.Overdue));

        var all = review.Kpis.Exercise;
        Assert.Equal((3, 3, 2, 3, 2, 1, 1), (all.Delivered, all.Acknowledged, all.Answered, all.WithWindow, all.InsideWindow, all.Overdue, all.Unanswered));
        // Acknowledgements 2, 3, 8: median 3, p90 (nearest rank 3 of 3) 8. Decisions 5, 7: median 6, p90 7.
        Assert.Equal((M(3), M(8), M(6), M(7)), (all.MedianAcknowledge!.Value, all.P90Acknowledge!.Value, all.MedianFirstDecision!.Value, all.P90FirstDecision!.Value));
        var executive = Assert.Single(all.ByRole, r => r.Role == "executive");
        Assert.Equal((3, 1, 1, 3, 1), (executive.Delivered, executive.Acknowledged, executive.Answered, executive.WithWindow, executive.InsideWindow));
        var finance = Assert.Single(review.Kpis.Sectors, s => s.Key == "finance");
        Assert.Equal((1, 1, 1), (finance.Organizations, finance.Delivered, finance.InsideWindow));
        Assert.Equal(2d / 3, all.InsideWindowShare);
    }

    [Fact]
    public async Task Escalation_is_the_first_action_of_an_executive_or_ciso()
    {
        var run = await ScriptedExercise.RunAsync(engine);
        var review = await engine.Reviews().GetAsync(run.Id, TestContext.Current.CancellationToken);

        // The staff's acknowledgement (w2) and report (w5) are not escalation; the CISO's decision at w7 is.
        var escalation = Assert.Single(review.Kpis.Escalations);
        Assert.Equal(("i1", "telco", D(7, 7), "suzuki", "ciso"),
            (escalation.InjectId, escalation.OrganizationId, escalation.Escalated, escalation.ActorId, escalation.ActorRole));
    }

    [Fact]
    public async Task The_report_travels_telco_to_ministry_to_national_centre_to_finance_and_never_reaches_the_ceptoar_or_power()
    {
        var run = await ScriptedExercise.RunAsync(engine);
        var review = await engine.Reviews().GetAsync(run.Id, TestContext.Current.CancellationToken);

        var chain = Assert.Single(review.Kpis.Chains);
        Assert.Equal(("i1", "telco", run.Start, TimeSpan.Zero), (chain.InjectId, chain.OriginOrganizationId, chain.DeliveredAt, chain.DeliveredAtScenario));
        Assert.Equal(
            [("telco", "mic", (long?)null), ("mic", "nc", run.ReportReceived["mic"]), ("nc", "bank", run.ReportReceived["nc"])],
            chain.Path.Select(h => (h.From, h.To, h.ForwardedFromSeq)));
        Assert.Equal([run.ReportReceived["mic"], run.ReportReceived["bank"]], [chain.Path[0].Seq, chain.Path[2].Seq]);
        Assert.Equal(
            [
                (ChainStageKind.Ministry, "mic", D(5, 5), true),
                (ChainStageKind.NationalCentre, "nc", D(12, 12), false),
                (ChainStageKind.Ceptoar, "telco-isac", null, false),
                // Reached at w24 = s20 (after the pause), inside the 30-minute window.
                (ChainStageKind.OtherSector, "bank", D(20, 24), true),
            ],
            chain.Stages.Select(s => (s.Stage, s.OrganizationId, s.Reached, s.InsideWindow)));
        Assert.Equal(["telco-isac", "power"], chain.NeverReached);

        var otherSector = Assert.Single(review.Kpis.Reachability, r => r.Stage == ChainStageKind.OtherSector);
        Assert.Equal((2, 1, 1, 0.5), (otherSector.Organizations, otherSector.Reached, otherSector.ReachedInWindow, otherSector.Share));
        Assert.Equal([new SpreadPoint(M(20), 1, 1)], otherSector.Spread);
        var centre = Assert.Single(review.Kpis.Reachability, r => r.Stage == ChainStageKind.NationalCentre);
        Assert.Equal((1, 1, 0), (centre.Organizations, centre.Reached, centre.ReachedInWindow));

        Assert.Equal(
            [("power", KpiKind.ResponseWindow, "i2"), ("telco", KpiKind.ReportToNationalCentre, "i1"), ("telco", KpiKind.ReportToCeptoar, "i1")],
            review.Kpis.Misses.Select(m => (m.OrganizationId, m.Kpi, m.InjectId)).OrderBy(m => m.Kpi).ThenBy(m => m.OrganizationId));
    }

    [Fact]
    public async Task Replay_at_a_seq_equals_what_each_organization_grain_showed_at_that_moment()
    {
        var run = await ScriptedExercise.RunAsync(engine);
        var reviews = engine.Reviews();

        Assert.True(run.Live.Select(l => l.Seq).Distinct().Count() >= 4, "checkpoints at several moments");
        foreach (var (seq, live) in run.Live)
        {
            var replay = await reviews.ReplayOrganizationAsync(run.Id, live.OrganizationId, seq, TestContext.Current.CancellationToken);
            Assert.Equal(ScenarioJson.Serialize(live), ScenarioJson.Serialize(replay.View));
        }
    }

    [Fact]
    public async Task The_replay_snapshot_counts_what_had_happened_by_then_and_who_was_overdue()
    {
        var run = await ScriptedExercise.RunAsync(engine);
        var reviews = engine.Reviews();
        var events = await engine.Engine.ReadAllAsync(run.Id);

        // Just after power's acknowledgement at s18: i2 not yet overdue (due s30), power acknowledged, not answered.
        var acknowledged = events.Single(e => e.Kind == Contracts.Events.EventKind.InjectAcknowledged && e.OrganizationId == "power").Seq;
        var snapshot = await reviews.ReplayAsync(run.Id, acknowledged, TestContext.Current.CancellationToken);
        Assert.Equal((M(18), ExerciseStatus.Running), (snapshot.ScenarioTime, snapshot.Status));
        var power = Assert.Single(snapshot.Organizations, o => o.OrganizationId == "power");
        Assert.Equal((1, 1, 0, 0), (power.Received, power.Acknowledged, power.Answered, power.Overdue));
        var i2 = Assert.Single(snapshot.Injects, i => i.InjectId == "i2");
        Assert.Equal((true, 2, 2, 1), (i2.Fired, i2.Recipients, i2.Acknowledged, i2.Answered));
        Assert.Empty(i2.OverdueOrganizations);
        Assert.False(Assert.Single(snapshot.Injects, i => i.InjectId == "i3").Fired);
        Assert.Equal([("telco", "i1"), ("mic", null)], snapshot.Shares.Select(s => (s.From, s.RegardingInjectId)));

        // At the end (s40) power is past its window: overdue, in the line and on the inject.
        var end = await reviews.ReplayAsync(run.Id, events[^1].Seq, TestContext.Current.CancellationToken);
        Assert.Equal(ExerciseStatus.Ended, end.Status);
        Assert.Equal(["power"], Assert.Single(end.Injects, i => i.InjectId == "i2").OverdueOrganizations);
        var late = await reviews.ReplayOrganizationAsync(run.Id, "power", events[^1].Seq, TestContext.Current.CancellationToken);
        Assert.Equal(["i2"], late.OverdueInjects);

        // The slider: the last event at or before s16 is the resume (w20 s16), not power's acknowledgement (s18).
        var resumed = events.Single(e => e.Kind == Contracts.Events.EventKind.ExerciseResumed).Seq;
        Assert.Equal(resumed, await reviews.SeqAtScenarioTimeAsync(run.Id, M(17), TestContext.Current.CancellationToken));
        var refused = await Assert.ThrowsAsync<ExerciseRuleException>(() => reviews.ReplayAsync(run.Id, events[^1].Seq + 1, TestContext.Current.CancellationToken));
        Assert.Equal("review.seq-out-of-range", refused.Code);
    }
}
