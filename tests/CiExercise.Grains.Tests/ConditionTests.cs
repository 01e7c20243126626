using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using static CiExercise.Grains.Tests.DynamicsScenario;

namespace CiExercise.Grains.Tests;

/// <summary>
/// Each kind of condition holds an inject back, then releases it (and it fires) or cancels it, through the engine:
/// participants act through organization grains, time moves on the fake clock, wake-ups fire as Quartz would.
/// </summary>
[Collection(nameof(ControlledEngine))]
public sealed class ConditionTests(ControlledEngine fixture)
{
    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);

    private Task<DynamicsDriver> Start(params Inject[] conditional) => DynamicsDriver.StartAsync(fixture, Create(conditional));

    [Fact]
    public async Task A_decision_by_every_recipient_releases_the_inject_and_it_fires_to_its_recipients()
    {
        var run = await Start(Held("follow", Decision("warn", "isolate", Share(1.0))));

        await run.Decide("bank", "warn", "isolate");
        var waiting = await run.Inject("follow");
        Assert.Equal(InjectStatus.Held, waiting.Status);
        Assert.Equal((1, 2), (waiting.Hold!.When!.Count, waiting.Hold.When.Needed));
        Assert.Equal("1 of 2 recipients decided 'isolate' on warn", waiting.Hold.When.Summary);
        // A held inject is not pending: the next one is the attack at +00:10.
        Assert.Equal(Minutes(10), (await run.Grain.GetView()).NextInjectAt);

        var decisive = await run.Decide("card", "warn", "isolate");
        var fired = await run.Until("follow", InjectStatus.Fired);

        var released = Assert.Single(await run.Events(EventKind.InjectReleased));
        var payload = ScenarioJson.Deserialize<InjectReleasedPayload>(released.Payload);
        Assert.Equal(decisive.Seq, payload.TriggerSeq);
        Assert.False(payload.Manual);
        Assert.Equal(["nc"], fired.Recipients);
        Assert.Single(await run.Events(EventKind.InjectDelivered), e => e.InjectId == "follow" && e.OrganizationId == "nc");
    }

    [Fact]
    public async Task A_decision_by_a_sector_counts_only_that_sector_and_a_choice_only_that_choice()
    {
        var run = await Start(
            Held("finance", Decision("warn", null, BySector(Sector.Finance))),
            Held("monitor", Decision("warn", "monitor")));

        await run.Decide("card", "warn", "isolate");
        Assert.Equal(InjectStatus.Held, (await run.Inject("finance")).Status);
        Assert.Equal(InjectStatus.Held, (await run.Inject("monitor")).Status);

        await run.Decide("bank", "warn", "monitor");
        await run.Until("finance", InjectStatus.Fired);
        await run.Until("monitor", InjectStatus.Fired);
    }

    [Fact]
    public async Task Not_acknowledged_is_judged_at_its_time_and_a_deadline_cancels_what_still_waits()
    {
        var run = await Start(
            Held("chase-card", NotAcknowledged("warn", Minutes(30), By("card"))),
            Held("chase-bank", NotAcknowledged("warn", Minutes(30), By("bank")), deadline: Minutes(45)));
        await run.RunTo(Minutes(5));
        await run.Acknowledge("bank", "warn");

        await run.RunTo(Minutes(29));
        Assert.Equal(InjectStatus.Held, (await run.Inject("chase-card")).Status);
        Assert.Contains("judged at +00:30", (await run.Inject("chase-card")).Hold!.When!.Summary);

        await run.RunTo(Minutes(30));
        var chased = await run.Inject("chase-card");
        Assert.Equal(InjectStatus.Fired, chased.Status);
        Assert.Equal(Minutes(30), chased.FiredAtScenario);
        Assert.Equal(InjectStatus.Held, (await run.Inject("chase-bank")).Status);

        await run.RunTo(Minutes(45));
        var cancelled = await run.Inject("chase-bank");
        Assert.Equal(InjectStatus.Cancelled, cancelled.Status);
        Assert.Contains("deadline +00:45", cancelled.Hold!.Reason);
        var row = Assert.Single(await run.Events(EventKind.InjectCancelled));
        Assert.Equal(Minutes(45), row.ScenarioTime);
        await run.RunTo(Minutes(90));
        Assert.DoesNotContain(await run.Events(EventKind.InjectFired), e => e.InjectId == "chase-bank");
    }

    [Fact]
    public async Task A_message_reaching_an_organization_from_the_scope_releases()
    {
        var run = await Start(Held("escalate", Message("meti", By("power"))));

        await run.Message("telco", "meti");
        Assert.Equal(InjectStatus.Held, (await run.Inject("escalate")).Status);
        await run.Message("power", "mic");
        Assert.Equal(InjectStatus.Held, (await run.Inject("escalate")).Status);

        await run.Message("power", "meti");
        await run.Until("escalate", InjectStatus.Fired);
    }

    [Fact]
    public async Task Delivered_with_a_delay_is_released_then_fires_the_delay_later()
    {
        var run = await Start(Held("news", Delivered("attack"), delay: Minutes(5)));

        await run.RunTo(Minutes(10));
        var released = await run.Inject("news");
        Assert.Equal(InjectStatus.Released, released.Status);
        Assert.Equal(Minutes(15), released.Hold!.DueAt);
        Assert.Equal(Minutes(15), (await run.Grain.GetView()).NextInjectAt);

        await run.RunTo(Minutes(14));
        Assert.Equal(InjectStatus.Released, (await run.Inject("news")).Status);
        await run.RunTo(Minutes(15));
        var fired = await run.Inject("news");
        Assert.Equal(InjectStatus.Fired, fired.Status);
        Assert.Equal(Minutes(15), fired.FiredAtScenario);
    }

    [Fact]
    public async Task A_severity_rating_at_or_above_the_level_releases()
    {
        var run = await Start(Held("serious", Severity("warn", 3)));

        await run.Decide("bank", "warn", "monitor", new SeverityRating(1, 2, 1));
        Assert.Equal(InjectStatus.Held, (await run.Inject("serious")).Status);
        await run.Decide("card", "warn", "isolate", new SeverityRating(0, 3, 0));
        await run.Until("serious", InjectStatus.Fired);
    }

    [Fact]
    public async Task A_press_statement_and_a_report_by_the_scope_release()
    {
        var run = await Start(Held("statement", Statement(By("bank"))), Held("report", Report("warn", By("bank"))));
        var bank = DynamicsDriver.Participant("bank");
        var now = fixture.Time.GetUtcNow();

        // What the feed and the report form record (another part of the engine writes them); the timeline is told as they are.
        var results = await fixture.Log.AppendAsync(run.Id,
        [
            new NewEvent(EventKind.FeedPosted, now, TimeSpan.Zero, null, new Actor("card-ciso", "ciso", "card"), null, null,
                ScenarioJson.Serialize(new FeedPostedPayload(new FeedPost(FeedKind.Statement, "card", null, "Statement", "We are fine", "card"))), null),
            new NewEvent(EventKind.ReportSubmitted, now, TimeSpan.Zero, "card", new Actor("card-ciso", "ciso", "card"), "warn", null,
                ScenarioJson.Serialize(new ReportSubmittedPayload([new FieldAnswer("attack", ChoiceId: "ddos")])), null),
        ], TestContext.Current.CancellationToken);
        await run.Grain.Recorded(results[^1].Seq);
        await run.Settled(results[^1].Seq);
        Assert.Equal(InjectStatus.Held, (await run.Inject("statement")).Status);
        Assert.Equal(InjectStatus.Held, (await run.Inject("report")).Status);

        results = await fixture.Log.AppendAsync(run.Id,
        [
            new NewEvent(EventKind.FeedPosted, now, TimeSpan.Zero, null, bank, null, null,
                ScenarioJson.Serialize(new FeedPostedPayload(new FeedPost(FeedKind.Statement, "bank", null, "Statement", "Payments are safe", "bank"))), null),
            new NewEvent(EventKind.ReportSubmitted, now, TimeSpan.Zero, "bank", bank, "warn", null,
                ScenarioJson.Serialize(new ReportSubmittedPayload([new FieldAnswer("attack", ChoiceId: "ddos")])), null),
        ], TestContext.Current.CancellationToken);
        await run.Grain.Recorded(results[^1].Seq);

        await run.Until("statement", InjectStatus.Fired);
        await run.Until("report", InjectStatus.Fired);
    }

    [Fact]
    public async Task All_of_and_any_of_combine_and_show_their_progress()
    {
        var run = await Start(Held("combined", AllOf(Decision("warn", "isolate", By("bank")), AnyOf(Delivered("attack"), Message("meti")))));

        await run.Decide("bank", "warn", "isolate");
        var waiting = (await run.Inject("combined")).Hold!.When!;
        Assert.False(waiting.Met);
        Assert.Equal((1, 2), (waiting.Count, waiting.Needed));
        Assert.True(waiting.Parts[0].Met);
        Assert.Equal("bank decided 'isolate' on warn", waiting.Parts[0].Summary);
        Assert.False(waiting.Parts[1].Met);
        Assert.Equal("attack not delivered yet", waiting.Parts[1].Parts[0].Summary);

        await run.RunTo(Minutes(10));
        var fired = await run.Inject("combined");
        Assert.Equal(InjectStatus.Fired, fired.Status);
        Assert.Contains("attack delivered", fired.Hold!.Reason);
    }

    [Fact]
    public async Task Unless_cancels_a_held_inject_and_a_timed_one_before_they_fire()
    {
        var run = await Start(
            Held("reminder", Delivered("warn"), delay: Minutes(30), unless: Decision("warn", null, By("card"))),
            Plain("timed", Minutes(20), To("nc")) with { Hold = new InjectHold(null, TimeSpan.Zero, null, Decision("warn", "isolate", By("bank"))) });
        Assert.Equal(InjectStatus.Released, (await run.Inject("reminder")).Status);
        Assert.Equal(InjectStatus.Pending, (await run.Inject("timed")).Status);

        await run.RunTo(Minutes(5));
        var decision = await run.Decide("card", "warn", "monitor");
        await run.Decide("bank", "warn", "isolate");
        var cancelled = await run.Until("reminder", InjectStatus.Cancelled);
        Assert.Equal(decision.Seq, cancelled.Hold!.TriggerSeq);
        Assert.Equal("Cancelled: card decided on warn", cancelled.Hold.Reason);
        await run.Until("timed", InjectStatus.Cancelled);

        await run.RunTo(Minutes(60));
        Assert.DoesNotContain(await run.Events(EventKind.InjectFired), e => e.InjectId is "reminder" or "timed");
    }

    [Fact]
    public async Task A_restart_mid_wait_still_releases_at_the_right_time_and_fires_once()
    {
        var run = await Start(
            Held("chase", NotAcknowledged("warn", Minutes(30), By("card"))),
            Held("later", Decision("warn", "isolate", By("bank")), delay: Minutes(20)));
        await run.RunTo(Minutes(5));
        await run.Decide("bank", "warn", "isolate");
        Assert.Equal(Minutes(25), (await run.Inject("later")).Hold!.DueAt);

        // The timeline goes mid-wait; the next activation rebuilds from the log and fires at the due time.
        await fixture.Engine.Cluster.DeactivateAsync(run.Grain);
        await run.RunTo(Minutes(25));
        var later = await run.Inject("later");
        Assert.Equal(InjectStatus.Fired, later.Status);
        Assert.Equal(Minutes(25), later.FiredAtScenario);

        await fixture.Engine.Cluster.DeactivateAsync(run.Grain);
        await run.RunTo(Minutes(29));
        Assert.Equal(InjectStatus.Held, (await run.Inject("chase")).Status);
        await fixture.Engine.Cluster.DeactivateAsync(run.Grain);
        await run.RunTo(Minutes(30));
        Assert.Equal(Minutes(30), (await run.Inject("chase")).FiredAtScenario);

        var events = await fixture.Engine.ReadAllAsync(run.Id);
        LogAssertions.GapFree(events);
        Assert.Single(events, e => e.Kind == EventKind.InjectFired && e.InjectId == "later");
        Assert.Single(events, e => e.Kind == EventKind.InjectReleased && e.InjectId == "later");
        Assert.Single(events, e => e.Kind == EventKind.InjectFired && e.InjectId == "chase");
    }

    [Fact]
    public async Task A_decision_recorded_while_no_timeline_is_active_wakes_it_and_releases()
    {
        var run = await Start(Held("follow", Decision("warn", "isolate", By("card"))));
        await fixture.Engine.Cluster.DeactivateAsync(run.Grain);

        await run.Organization("card").Decide(DynamicsDriver.Participant("card"), "warn", "isolate", null, new SeverityRating(1, 1, 1), null);

        await run.Until("follow", InjectStatus.Fired);
    }
}
