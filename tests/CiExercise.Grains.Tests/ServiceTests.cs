using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using static CiExercise.Grains.Tests.DynamicsScenario;

namespace CiExercise.Grains.Tests;

/// <summary>
/// Services through the engine: the attack's effect takes the grid down at +00:10; the network runs 30 minutes
/// without it, payments not a moment without the network; restoring the grid takes 20 minutes.
/// </summary>
[Collection(nameof(ControlledEngine))]
public sealed class ServiceTests(ControlledEngine fixture)
{
    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);

    private Task<DynamicsDriver> Start(params Inject[] conditional) => DynamicsDriver.StartAsync(fixture, Create(conditional));

    private static async Task<IReadOnlyList<(ExerciseEvent Row, ServiceChangedPayload Change)>> Changes(DynamicsDriver run) =>
        [.. (await run.Events(EventKind.ServiceChanged)).Select(e => (e, ScenarioJson.Deserialize<ServiceChangedPayload>(e.Payload)))];

    private static ServiceView On(ServiceBoard board, string id) => board.Services.Single(s => s.Service.Id == id);

    [Fact]
    public async Task A_cascade_fires_at_exactly_the_tolerance_when_nobody_restores_and_its_consequence_inject_follows()
    {
        var run = await Start(Held("outage", Service("network", ServiceStatus.Down)));

        await run.RunTo(Minutes(10));
        var board = await run.Grain.GetServices();
        Assert.Equal(ServiceStatus.Down, On(board, "grid").Status);
        Assert.Equal(ServiceCause.Inject, On(board, "grid").Cause);
        Assert.Equal(Minutes(40), On(board, "network").FailsAt);
        Assert.Null(On(board, "payments").FailsAt);

        await run.RunTo(Minutes(39));
        Assert.Equal(ServiceStatus.Up, On(await run.Grain.GetServices(), "network").Status);
        await run.RunTo(Minutes(40));

        var changes = await Changes(run);
        Assert.Equal(
            [("grid", ServiceStatus.Down, ServiceCause.Inject, (string?)null, Minutes(10)),
             ("network", ServiceStatus.Down, ServiceCause.Cascade, "grid", Minutes(40)),
             ("payments", ServiceStatus.Down, ServiceCause.Cascade, "network", Minutes(40))],
            changes.Select(c => (c.Change.ServiceId, c.Change.To, c.Change.Cause, c.Change.CauseServiceId, c.Row.ScenarioTime)));
        Assert.Equal("attack", changes[0].Row.InjectId);
        var outage = await run.Inject("outage");
        Assert.Equal(InjectStatus.Fired, outage.Status);
        Assert.Equal(Minutes(40), outage.FiredAtScenario);
    }

    [Fact]
    public async Task A_participant_restoring_in_time_stops_the_cascade()
    {
        var run = await Start(Held("outage", Service("network", ServiceStatus.Down)));
        await run.RunTo(Minutes(12));

        var decision = await run.Decide("power", "attack", "restore");
        var grid = On(await run.Grain.GetServices(), "grid");
        Assert.Equal(ServiceStatus.Restoring, grid.Status);
        Assert.Equal(Minutes(32), grid.UpAt);

        await run.RunTo(Minutes(90));
        var changes = await Changes(run);
        Assert.Equal(
            [("grid", ServiceStatus.Down, ServiceCause.Inject, Minutes(10)),
             ("grid", ServiceStatus.Restoring, ServiceCause.Decision, Minutes(12)),
             ("grid", ServiceStatus.Up, ServiceCause.Decision, Minutes(32))],
            changes.Select(c => (c.Change.ServiceId, c.Change.To, c.Change.Cause, c.Row.ScenarioTime)));
        Assert.All(changes.Skip(1), c => Assert.Equal(decision.Seq, c.Change.DecisionSeq));
        Assert.Equal(InjectStatus.Held, (await run.Inject("outage")).Status);
        Assert.All((await run.Grain.GetServices()).Services, s => Assert.Equal(ServiceStatus.Up, s.Status));
    }

    [Fact]
    public async Task A_restore_too_late_does_not_stop_the_cascade_and_what_followed_recovers_with_it()
    {
        var run = await Start();
        await run.RunTo(Minutes(25));
        await run.Decide("power", "attack", "restore");

        await run.RunTo(Minutes(40));
        Assert.Equal(ServiceStatus.Down, On(await run.Grain.GetServices(), "payments").Status);
        await run.RunTo(Minutes(45));

        var changes = await Changes(run);
        Assert.Equal(
            [("grid", ServiceStatus.Down, Minutes(10)), ("grid", ServiceStatus.Restoring, Minutes(25)),
             ("network", ServiceStatus.Down, Minutes(40)), ("payments", ServiceStatus.Down, Minutes(40)),
             ("grid", ServiceStatus.Up, Minutes(45)), ("network", ServiceStatus.Up, Minutes(45)), ("payments", ServiceStatus.Up, Minutes(45))],
            changes.Select(c => (c.Change.ServiceId, c.Change.To, c.Row.ScenarioTime)));
        Assert.Equal([ServiceCause.Recovered, ServiceCause.Recovered], changes.TakeLast(2).Select(c => c.Change.Cause));
    }

    [Fact]
    public async Task A_controller_sets_a_service_under_a_key_and_dependents_without_tolerance_follow_at_once()
    {
        var run = await Start();
        var control = DynamicsDriver.Control;

        var set = await run.Grain.SetService(control, "network", ServiceStatus.Degraded, "Router fault", "svc-1");
        var again = await run.Grain.SetService(control, "network", ServiceStatus.Degraded, "Router fault", "svc-1");
        Assert.Equal(set.Seq, again.Seq);
        Assert.True(again.Duplicate);
        var reused = await Assert.ThrowsAsync<ExerciseRuleException>(() => run.Grain.SetService(control, "grid", ServiceStatus.Down, null, "svc-1"));
        Assert.Equal("idempotency.key-reused", reused.Code);
        var unchanged = await Assert.ThrowsAsync<ExerciseRuleException>(() => run.Grain.SetService(control, "network", ServiceStatus.Degraded, null, null));
        Assert.Equal("service.unchanged", unchanged.Code);
        var unknown = await Assert.ThrowsAsync<ExerciseRuleException>(() => run.Grain.SetService(control, "water", ServiceStatus.Down, null, null));
        Assert.Equal("service.not-found", unknown.Code);
        var restoring = await Assert.ThrowsAsync<ExerciseRuleException>(() => run.Grain.SetService(control, "grid", ServiceStatus.Restoring, null, null));
        Assert.Equal("service.invalid-status", restoring.Code);

        var board = await run.Grain.GetServices();
        Assert.Equal((ServiceStatus.Degraded, ServiceCause.Controller), (On(board, "network").Status, On(board, "network").Cause));
        Assert.Equal((ServiceStatus.Degraded, ServiceCause.Cascade, "network"),
            (On(board, "payments").Status, On(board, "payments").Cause, On(board, "payments").CauseServiceId));
        var changes = await Changes(run);
        Assert.Equal("Router fault", changes[0].Change.Note);
        Assert.Equal(2, changes.Count);

        await run.Grain.SetService(control, "network", ServiceStatus.Up, null, null);
        await Eventually.Until(run.Grain.GetServices, b => On(b, "payments").Status == ServiceStatus.Up, "payments to recover with the network");
        Assert.Equal(ServiceCause.Recovered, On(await run.Grain.GetServices(), "payments").Cause);
    }

    [Fact]
    public async Task A_controller_releases_and_cancels_held_injects_by_hand_under_keys()
    {
        var run = await Start(Held("a", Decision("warn", "isolate", By("bank"))), Held("b", Decision("warn", "isolate", By("card"))));
        var control = DynamicsDriver.Control;
        await run.RunTo(Minutes(3));

        var released = await run.Grain.ReleaseInject(control, "a", "Move the story on", "rel-1");
        var resent = await run.Grain.ReleaseInject(control, "a", "Move the story on", "rel-1");
        Assert.Equal((released.Seq, true), (resent.Seq, resent.Duplicate));
        var a = await run.Inject("a");
        Assert.Equal(InjectStatus.Fired, a.Status);
        Assert.Equal(Minutes(3), a.FiredAtScenario);
        Assert.Equal(("Move the story on", true), (a.Hold!.Reason, a.Hold.Manual));

        var cancelled = await run.Grain.CancelInject(control, "b", null, "can-1");
        Assert.Equal(cancelled.Seq, (await run.Grain.CancelInject(control, "b", null, "can-1")).Seq);
        var b = await run.Inject("b");
        Assert.Equal(InjectStatus.Cancelled, b.Status);
        Assert.Equal("Cancelled by director", b.Hold!.Reason);
        await run.Decide("card", "warn", "isolate");
        Assert.Equal(InjectStatus.Cancelled, (await run.Inject("b")).Status);

        Assert.Equal("inject.already-fired", (await Assert.ThrowsAsync<ExerciseRuleException>(() => run.Grain.CancelInject(control, "a", null, null))).Code);
        Assert.Equal("inject.cancelled", (await Assert.ThrowsAsync<ExerciseRuleException>(() => run.Grain.ReleaseInject(control, "b", null, null))).Code);
        Assert.Equal("inject.not-conditional", (await Assert.ThrowsAsync<ExerciseRuleException>(() => run.Grain.ReleaseInject(control, "attack", null, null))).Code);
        Assert.Equal("idempotency.key-reused", (await Assert.ThrowsAsync<ExerciseRuleException>(() => run.Grain.CancelInject(control, "a", null, "rel-1"))).Code);
        Assert.Single(await run.Events(EventKind.InjectReleased));
        Assert.Single(await run.Events(EventKind.InjectCancelled));
    }

    [Fact]
    public async Task A_burst_of_recorded_calls_costs_one_read_and_a_scenario_without_dynamics_none()
    {
        var run = await Start(Held("escalate", Message("meti", BySector(Sector.Ministry, 1.0))));
        var gate = fixture.Log.HoldReadAll(run.Id);
        var first = run.Organization("telco").SendMessage(DynamicsDriver.Participant("telco"), new OutgoingMessage(["nc"], "s", "b", null, null), null);
        await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);
        var before = fixture.Log.ReadsOf(run.Id);
        var receipts = await Task.WhenAll(new[] { "bank", "card", "power", "mic", "fsa" }.Select(o =>
            run.Organization(o).SendMessage(DynamicsDriver.Participant(o), new OutgoingMessage(["nc"], "s", "b", null, null), null)));
        await first;
        gate.Release();
        await Eventually.Until(run.Grain.GetServices, b => b.AsOfSeq >= receipts.Max(r => r.Seq), "the timeline to read the burst");
        await run.Grain.GetView();
        Assert.Equal(before, fixture.Log.ReadsOf(run.Id));

        var plain = "ex-" + Guid.NewGuid().ToString("N")[..10];
        var grain = fixture.Engine.Grains.GetGrain<IExerciseGrain>(plain);
        await grain.Create("No dynamics", TestScenario.Create(2, TimeSpan.FromHours(1)), DynamicsDriver.Control);
        await grain.Start(DynamicsDriver.Control);
        foreach (var o in new[] { "telco", "bank", "card" })
            await fixture.Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(plain, o))
                .SendMessage(DynamicsDriver.Participant(o), new OutgoingMessage(["nc"], "s", "b", null, null), null);
        await grain.GetView();
        Assert.Equal(0, fixture.Log.ReadsOf(plain));
    }
}
