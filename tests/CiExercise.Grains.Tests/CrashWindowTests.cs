using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;

namespace CiExercise.Grains.Tests;

/// <summary>
/// The moments between a durable append and what must follow it (the next wake-up, a notice to an
/// organization), and between a check and the append it allows, each run in the order that used to lose or
/// let in something. Time is the fixture's fake clock, so no test depends on how busy the machine is.
/// </summary>
[Collection(nameof(ControlledEngine))]
public sealed class CrashWindowTests(ControlledEngine fixture)
{
    private static readonly Actor Control = Actor.Controller("director");
    private static readonly Actor Ciso = new("Sato", "ciso", "telco");

    private EngineCluster Engine => fixture.Engine;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>An exercise with an inject every story hour; at speed 60 one falls due every wall minute.</summary>
    private async Task<(IExerciseGrain Grain, string Id)> Create(int injects = 4, double speed = 60)
    {
        var id = "ex-" + Guid.NewGuid().ToString("N")[..10];
        var grain = Engine.Grains.GetGrain<IExerciseGrain>(id);
        await grain.Create("Controlled exercise", TestScenario.Create(injects, TimeSpan.FromHours(1)), Control);
        await grain.SetSpeed(Control, speed);
        return (grain, id);
    }

    private async Task<IReadOnlyList<ExerciseEvent>> Fired(string id) =>
        (await Engine.ReadAllAsync(id)).Where(e => e.Kind == EventKind.InjectFired).ToArray();

    [Fact]
    public async Task A_start_whose_wakeup_fails_once_answers_success_and_the_next_inject_still_fires()
    {
        var (grain, id) = await Create();
        fixture.Wakeups.Fail(id, 1);

        var started = await grain.Start(Control);

        Assert.Equal(ExerciseStatus.Running, started.Status);
        Assert.Equal(InjectStatus.Fired, started.Injects[0].Status);
        Assert.Null(fixture.Wakeups.DueAt(id));
        // The grain timer asks again a second later, and the scheduler takes the wake-up this time.
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var dueAt = await Eventually.Until(() => Task.FromResult(fixture.Wakeups.DueAt(id)), at => at is not null, "the retried wake-up");
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(59), dueAt);

        fixture.Time.Advance(TimeSpan.FromSeconds(59));
        await fixture.Wakeups.FireIfDueAsync(Engine.Grains, id, fixture.Time.GetUtcNow());
        Assert.Equal(["i01", "i02"], (await Fired(id)).Select(e => e.InjectId));
    }

    [Fact]
    public async Task When_the_scheduler_never_takes_the_wakeup_a_grain_timer_fires_the_inject_at_its_time()
    {
        var (grain, id) = await Create();
        fixture.Wakeups.Fail(id, int.MaxValue);
        var started = await grain.Start(Control);
        Assert.Equal(ExerciseStatus.Running, started.Status);
        var dueAt = fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(1);

        // A second at a time: each step may run a retry of the timer, and none may fire the inject early.
        var view = await Eventually.Until(async () =>
        {
            Assert.Equal(["i01"], (await Fired(id)).Select(e => e.InjectId).Where(_ => fixture.Time.GetUtcNow() < dueAt));
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            return await grain.GetView();
        }, v => v.Injects[1].Status == InjectStatus.Fired, "the second inject from the grain timer");

        Assert.Equal(InjectStatus.Pending, view.Injects[2].Status);
        Assert.Null(fixture.Wakeups.DueAt(id));
    }

    [Fact]
    public async Task A_paused_exercise_fires_nothing_and_resume_continues()
    {
        var (grain, id) = await Create(injects: 3, speed: 3600); // an inject every wall second
        await grain.Start(Control);
        fixture.Time.Advance(TimeSpan.FromMilliseconds(500));
        var paused = await grain.Pause(Control);
        Assert.Equal(TimeSpan.FromMinutes(30), paused.Clock.ScenarioElapsed);
        Assert.Null(fixture.Wakeups.DueAt(id));

        // Hours later, and a stale trigger firing anyway: the clock has not moved and nothing fires.
        fixture.Time.Advance(TimeSpan.FromHours(3));
        await grain.FireDue();
        var still = await grain.GetView();
        Assert.Equal(paused.Clock.ScenarioElapsed, still.Clock.ScenarioElapsed);
        Assert.Equal(InjectStatus.Pending, still.Injects[1].Status);
        Assert.Equal(paused.LastSeq, still.LastSeq);

        await grain.Resume(Control);
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromMilliseconds(500), fixture.Wakeups.DueAt(id));
        fixture.Time.Advance(TimeSpan.FromMilliseconds(500));
        await fixture.Wakeups.FireIfDueAsync(Engine.Grains, id, fixture.Time.GetUtcNow());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await fixture.Wakeups.FireIfDueAsync(Engine.Grains, id, fixture.Time.GetUtcNow());

        var events = await Engine.ReadAllAsync(id);
        LogAssertions.GapFree(events);
        var resumedAt = events.Single(e => e.Kind == EventKind.ExerciseResumed).Seq;
        Assert.Equal(["i01", "i02", "i03"], events.Where(e => e.Kind == EventKind.InjectFired).Select(e => e.InjectId));
        Assert.All(events.Where(e => e.Kind == EventKind.InjectFired && e.InjectId != "i01"), e => Assert.True(e.Seq > resumedAt));
        Assert.All(events.Where(e => e.Kind == EventKind.InjectFired), e => Assert.DoesNotContain("\"late\":true", e.Payload));
    }

    [Fact]
    public async Task A_decision_whose_append_is_ordered_after_a_halt_is_refused_and_not_recorded()
    {
        var (grain, id) = await Create();
        await grain.Start(Control); // i01 reaches telco
        var telco = Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "telco"));
        await telco.Acknowledge(Ciso, "i01", null);

        // The decision has passed its play check (GetClock) and waits at the log; the halt is ordered first.
        var gate = fixture.Log.HoldAppend(id, EventKind.DecisionRecorded);
        var decision = telco.Decide(Ciso, "i01", "isolate", "Cut the VPN off", null, "c-1");
        await gate.Reached.WaitAsync(Cancellation);
        await grain.Halt(Control, "Real power outage in Kanto");
        gate.Release();

        var refused = await Assert.ThrowsAsync<ExerciseRuleException>(() => decision);
        Assert.Equal("exercise.not-in-play", refused.Code);
        Assert.Contains("real-world halt", refused.Message);
        var events = await Engine.ReadAllAsync(id);
        Assert.DoesNotContain(events, e => e.Kind == EventKind.DecisionRecorded);
        LogAssertions.GapFree(events);
        Assert.Empty((await telco.GetView()).Inbox.Single(i => i.InjectId == "i01").DecisionSeqs);
    }

    [Fact]
    public async Task A_message_whose_append_is_ordered_after_the_end_is_refused_and_reaches_nobody()
    {
        var (grain, id) = await Create();
        await grain.Start(Control);
        var telco = Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "telco"));

        var gate = fixture.Log.HoldAppend(id, EventKind.MessageSent);
        var message = telco.SendMessage(Ciso, new OutgoingMessage(["mic"], "Incident report", "VPN compromise", null, null), null);
        await gate.Reached.WaitAsync(Cancellation);
        await grain.End(Control);
        gate.Release();

        var refused = await Assert.ThrowsAsync<ExerciseRuleException>(() => message);
        Assert.Equal("exercise.not-in-play", refused.Code);
        Assert.DoesNotContain(await Engine.ReadAllAsync(id), e => e.Kind is EventKind.MessageSent or EventKind.MessageReceived);
        Assert.Empty((await Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "mic")).GetView()).Received);
    }

    [Fact]
    public async Task A_message_that_arrives_while_an_organization_reloads_is_kept()
    {
        var (grain, id) = await Create();
        await grain.Start(Control); // i01 reaches telco
        var telco = Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "telco"));
        Assert.Single((await telco.GetView()).Inbox);

        // An action names an inject telco does not know, so telco reloads; its read answers from before the message.
        var gate = fixture.Log.HoldRead(id, "telco");
        var unknown = telco.Acknowledge(Ciso, "i03", null);
        await gate.Reached.WaitAsync(Cancellation);
        // Answered once telco was told (MessageArrived interleaves with the reload).
        var sent = await Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "bank"))
            .SendMessage(new Actor("Ito", "ciso", "bank"), new OutgoingMessage(["telco"], "Card fraud wave", "Seen here too?", null, null), null);
        gate.Release();

        var notDelivered = await Assert.ThrowsAsync<ExerciseRuleException>(() => unknown);
        Assert.Equal("inject.not-delivered", notDelivered.Code);
        var received = Assert.Single((await telco.GetView()).Received);
        Assert.Equal(sent.Seq + 1, received.Seq);
        Assert.Equal("bank", received.FromOrganizationId);
    }
}
