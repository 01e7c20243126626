using CiExercise.Client;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>Live events reach exactly the consoles that may see them; actions through the hub are durable and checked.</summary>
public sealed class LiveDeliveryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HubHarness _hub = new(server.Factory);

    [Fact]
    public async Task Each_console_gets_its_own_deliveries_and_the_halt_reaches_all()
    {
        var id = await _hub.CreateExerciseAsync();
        var staff = await _hub.SubscribeAsync((await _hub.IssueAsync(PrincipalKind.Controller, id)).Token, id);
        var bankStaff = await _hub.SubscribeAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token, id);
        var bankManager = await _hub.SubscribeAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "manager")).Token, id);
        var water = await _hub.SubscribeAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "water", "staff")).Token, id);
        var observer = await _hub.SubscribeAsync((await _hub.IssueAsync(PrincipalKind.Observer, id)).Token, id);
        var all = new[] { staff, bankStaff, bankManager, water, observer };

        // i1-alert goes to the bank's staff role at start; i2-outage to bank and power, every role.
        await _hub.Exercise(id).Start(HubHarness.Control);
        await _hub.Exercise(id).JumpToNextInject(HubHarness.Control);
        await _hub.Exercise(id).Halt(HubHarness.Control, "real incident at the bank");

        foreach (var (_, events) in all)
            await events.WaitForAsync(e => e.Any(x => x.Kind == EventKind.RealWorldHaltDeclared), "the halt reaches every console");
        var staffSeen = staff.Events.Snapshot();
        var log = await ReadLogAsync(id);
        Assert.Equal(log.Select(e => e.Seq), staffSeen.Select(e => e.Seq));
        Assert.Equal(log.Select(e => e.Seq), observer.Events.Snapshot().Select(e => e.Seq));
        Assert.Equal(["i1-alert", "i2-outage"], Delivered(bankStaff.Events.Snapshot(), "bank"));
        Assert.Equal(["i2-outage"], Delivered(bankManager.Events.Snapshot(), "bank"));
        Assert.All(bankStaff.Events.Snapshot(), e => Assert.True(e.OrganizationId is null or "bank", $"bank saw {e.Kind} of {e.OrganizationId}"));
        // Water received no inject: besides the exercise's lifecycle it sees only its own participant's joined row.
        var waterSeen = water.Events.Snapshot().ToLookup(e => e.Kind == EventKind.ParticipantJoined);
        Assert.All(waterSeen[false], e => Assert.Null(e.OrganizationId));
        Assert.All(waterSeen[false], e => Assert.True(e.Exercise));
        Assert.Equal(["water"], waterSeen[true].Select(e => e.OrganizationId));
        foreach (var (connection, _) in all) await connection.DisposeAsync();
    }

    [Fact]
    public async Task Actions_through_the_hub_are_in_the_log_with_the_returned_seq_and_refused_when_not_allowed()
    {
        var id = await _hub.CreateExerciseAsync();
        await _hub.Exercise(id).Start(HubHarness.Control);
        var staff = await _hub.SubscribeAsync((await _hub.IssueAsync(PrincipalKind.Controller, id)).Token, id);
        await using var bank = await _hub.ConnectAsync((await _hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token);
        await using var evaluator = await _hub.ConnectAsync((await _hub.IssueAsync(PrincipalKind.Evaluator, id)).Token);
        await using var observer = await _hub.ConnectAsync((await _hub.IssueAsync(PrincipalKind.Observer, id)).Token);
        await using var otherExercise = await _hub.ConnectAsync((await _hub.IssueAsync(PrincipalKind.Participant, "elsewhere", "bank", "staff")).Token);

        var ack = await bank.Acknowledge(id, "i1-alert", "ack-1");
        var observation = await evaluator.RecordObservation(id,
            new Observation(ObservationKind.Strength, HseepRating.P, "Quick acknowledgement.", ["report"], ["i1-alert"], ["bank"]), null);

        var seen = await staff.Events.WaitForAsync(e => e.Any(x => x.Seq == observation.Seq), "the staff console sees both actions");
        var row = Assert.Single(await ReadLogAsync(id), e => e.Seq == ack.Seq);
        Assert.Equal((EventKind.InjectAcknowledged, "bank", "staff"), (row.Kind, row.OrganizationId, row.Actor.Role));
        Assert.Contains(seen, e => e.Seq == ack.Seq && e.Kind == EventKind.InjectAcknowledged);
        Assert.Contains(seen, e => e.Seq == observation.Seq && e.Kind == EventKind.ObservationRecorded);

        await AssertRefused(HubErrors.AccessDenied, () => observer.Acknowledge(id, "i1-alert", null));
        await AssertRefused(HubErrors.AccessDenied, () => evaluator.Decide(id, "i1-alert", null, "isolate", null, null));
        await AssertRefused(HubErrors.AccessDenied, () => bank.RecordObservation(id,
            new Observation(ObservationKind.Strength, null, "self-praise", [], [], []), null));
        await AssertRefused(HubErrors.AccessDenied, () => bank.GetOrganization(id, "power"));
        await AssertRefused(HubErrors.AccessDenied, () => otherExercise.Subscribe(id, 0));
        var unknown = await AssertRefused(null, () => bank.Acknowledge(id, "i5-followup", null));
        Assert.NotEqual(HubErrors.AccessDenied, unknown.Code);

        var view = await bank.GetExercise(id);
        Assert.Equal(["i1-alert"], view.Injects.Select(s => s.Inject.Id));
        Assert.All(view.Injects, s => Assert.Equal(["bank"], s.Recipients));
        Assert.Equal(TestScenario.Injects.Length, (await staff.Connection.GetExercise(id)).Injects.Count);
        await staff.Connection.DisposeAsync();
    }

    private static async Task<ExerciseHubException> AssertRefused(string? code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<ExerciseHubException>(call);
        Assert.False(string.IsNullOrEmpty(error.Code), $"a refusal carries a code: {error.Message}");
        if (code is not null) Assert.Equal(code, error.Code);
        return error;
    }

    private static IEnumerable<string> Delivered(IEnumerable<LiveEvent> events, string org) =>
        events.Where(e => e.Kind == EventKind.InjectDelivered && e.OrganizationId == org).Select(e => e.InjectId!);

    private Task<IReadOnlyList<ExerciseEvent>> ReadLogAsync(string id) =>
        server.Factory.Services.GetRequiredService<IEventLog>().ReadAsync(id, 0, 10_000, TestContext.Current.CancellationToken);
}
