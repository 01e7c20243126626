using CiExercise.Client;
using CiExercise.Client.Hub;
using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>
/// Invariant 5 on the hub: every method of IExerciseHub for every kind of caller, against its own and
/// another organization's data. A refusal has its code and leaves the event log as it was. The methods
/// are enumerated by reflection, so a new hub method without a row here fails.
/// </summary>
public sealed class HubAccessMatrixTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public enum Caller { ControllerOwn, ControllerOther, ParticipantOwnOrg, ParticipantOtherOrgData, Evaluator, Observer }

    internal const string Allowed = "allowed";
    internal const string Denied = HubErrors.AccessDenied;
    private const string NotDelivered = "inject.not-delivered";
    private const string CheckNotFound = "check.not-found";
    private const string NothingToPassOn = "check.nothing-to-pass-on";
    private const string NotEnded = "exercise.not-ended";
    private const string NoForm = "report.no-form";

    /// <summary>What each caller gets: "allowed" or the refusal's code, in the order of <see cref="Caller"/>.</summary>
    internal static readonly Dictionary<string, (string[] Expected, Func<ExerciseConnection, Target, Task> Call)> Matrix = new()
    {
        [nameof(IExerciseHub.Subscribe)] = ([Allowed, Denied, Allowed, Allowed, Allowed, Allowed], (c, t) => c.Subscribe(t.ExerciseId, 0)),
        [nameof(IExerciseHub.GetExercise)] = ([Allowed, Denied, Allowed, Allowed, Allowed, Allowed], (c, t) => c.GetExercise(t.ExerciseId)),
        [nameof(IExerciseHub.GetOrganization)] = ([Allowed, Denied, Allowed, Denied, Allowed, Allowed],
            (c, t) => c.GetOrganization(t.ExerciseId, t.OrganizationId)),
        [nameof(IExerciseHub.Acknowledge)] = ([Denied, Denied, Allowed, NotDelivered, Denied, Denied],
            (c, t) => c.Acknowledge(t.ExerciseId, t.InjectId, null)),
        [nameof(IExerciseHub.Decide)] = ([Denied, Denied, Allowed, NotDelivered, Denied, Denied],
            (c, t) => c.Decide(t.ExerciseId, t.InjectId, null, "isolate the segment", null, null)),
        [nameof(IExerciseHub.SendMessage)] = ([Denied, Denied, Allowed, NotDelivered, Denied, Denied],
            (c, t) => c.SendMessage(t.ExerciseId, new OutgoingMessage(["power"], "status", "we isolated it", t.InjectId, null), null)),
        // i1-alert asks for no report form; the other organization's inject never reached the bank.
        [nameof(IExerciseHub.SubmitReport)] = ([Denied, Denied, NoForm, NotDelivered, Denied, Denied],
            (c, t) => c.SubmitReport(t.ExerciseId, t.InjectId, [new FieldAnswer("attack", ChoiceId: "ddos")], null)),
        // A statement is the caller's own organization's, whatever the target: both participants publish one.
        [nameof(IExerciseHub.PublishStatement)] = ([Denied, Denied, Allowed, Allowed, Denied, Denied],
            (c, t) => c.PublishStatement(t.ExerciseId, "Statement", "We are restoring service.", null)),
        [nameof(IExerciseHub.RecordObservation)] = ([Denied, Denied, Denied, Denied, Allowed, Denied],
            (c, t) => c.RecordObservation(t.ExerciseId,
                new Observation(ObservationKind.Strength, HseepRating.S, "noted", ["report"], [t.InjectId], [t.OrganizationId]), null)),
        [nameof(IExerciseHub.RateTask)] = ([Denied, Denied, Denied, Denied, Allowed, Denied],
            (c, t) => c.RateTask(t.ExerciseId, new TaskRating("report", "first-report", HseepRating.S, "noted", [1]), null)),
        // The exercise is still running: a participant is let through to the grain, which refuses before the end.
        [nameof(IExerciseHub.SubmitHotWash)] = ([Denied, Denied, NotEnded, NotEnded, Denied, Denied],
            (c, t) => c.SubmitHotWash(t.ExerciseId, [new HotWashAnswer("realism", 4, null)], null)),
        [nameof(IExerciseHub.GetPresence)] = ([Allowed, Denied, Denied, Denied, Allowed, Allowed], (c, t) => c.GetPresence(t.ExerciseId)),
        // The controller's check goes to everyone, so bank's participant can answer it (it has nobody to pass it on to).
        [nameof(IExerciseHub.StartCommunicationCheck)] = ([Allowed, Denied, Denied, Denied, Denied, Denied],
            (c, t) => c.StartCommunicationCheck(t.ExerciseId, CheckRoute.Everyone, "hub matrix", null)),
        [nameof(IExerciseHub.CloseCommunicationCheck)] = ([CheckNotFound, Denied, Denied, Denied, Denied, Denied],
            (c, t) => c.CloseCommunicationCheck(t.ExerciseId, "no-such-check")),
        [nameof(IExerciseHub.AcknowledgeCheck)] = ([Denied, Denied, Allowed, Allowed, Denied, Denied], (c, t) => c.AcknowledgeCheck(t.ExerciseId, "check-1", null)),
        [nameof(IExerciseHub.PassOnCheck)] = ([Denied, Denied, NothingToPassOn, NothingToPassOn, Denied, Denied],
            (c, t) => c.PassOnCheck(t.ExerciseId, "check-1", null)),
    };

    private readonly HubHarness _hub = new(server.Factory);

    [Fact]
    public void Every_hub_method_has_a_row_with_every_caller()
    {
        Assert.Equal(typeof(IExerciseHub).GetMethods().Select(m => m.Name).Order(), Matrix.Keys.Order());
        Assert.All(Matrix, row => Assert.Equal(Enum.GetValues<Caller>().Length, row.Value.Expected.Length));
    }

    [Fact]
    public async Task Every_hub_method_for_every_caller_is_allowed_or_refused_and_refusals_change_nothing()
    {
        var (id, own, otherOrg) = await DeliveredAsync(_hub);

        var failures = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            await using var connection = await _hub.ConnectAsync(await TokenAsync(_hub, caller, id));
            foreach (var (method, (expected, call)) in Matrix)
            {
                var want = expected[(int)caller];
                var before = await LastSeqAsync(id);
                var deniedBefore = DenialsLogged();
                var got = await OutcomeAsync(() => call(connection, caller == Caller.ParticipantOtherOrgData ? otherOrg : own));
                if (got != want) failures.Add($"{method} by {caller}: expected {want}, got {got}");
                if (want != Allowed && await LastSeqAsync(id) != before) failures.Add($"{method} by {caller}: refused but the log changed");
                if (want == Denied && DenialsLogged() != deniedBefore + 1) failures.Add($"{method} by {caller}: denied but not logged");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    internal static async Task<string> TokenAsync(HubHarness hub, Caller caller, string id) => (caller switch
    {
        Caller.ControllerOwn => await hub.IssueAsync(PrincipalKind.Controller, id),
        Caller.ControllerOther => await hub.IssueAsync(PrincipalKind.Controller, ApiClient.NewId()),
        Caller.ParticipantOwnOrg or Caller.ParticipantOtherOrgData => await hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff"),
        Caller.Evaluator => await hub.IssueAsync(PrincipalKind.Evaluator, id),
        Caller.Observer => await hub.IssueAsync(PrincipalKind.Observer, id),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    }).Token;

    /// <summary>
    /// A started exercise with i1-alert (bank staff), i2-outage (bank, power) and i3-water (water only) delivered;
    /// the targets are bank's own data and data of another organization.
    /// </summary>
    internal static async Task<(string Id, Target Own, Target OtherOrg)> DeliveredAsync(HubHarness hub)
    {
        var id = await hub.CreateExerciseAsync();
        await hub.Exercise(id).Start(HubHarness.Control);
        await hub.Exercise(id).JumpToNextInject(HubHarness.Control);
        await hub.Exercise(id).JumpToNextInject(HubHarness.Control);
        return (id, new Target(id, "bank", "i1-alert"), new Target(id, "power", "i3-water"));
    }

    internal static async Task<string> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call().WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
            return Allowed;
        }
        catch (ExerciseHubException refused)
        {
            return refused.Code;
        }
    }

    private int DenialsLogged() => server.Factory.Logs.Events.Count(e => CapturedLogs.Text(e, "HubMethod") is not null && CapturedLogs.Text(e, "Code") == Denied);

    private async Task<long> LastSeqAsync(string id) =>
        (await server.Factory.Services.GetRequiredService<IEventLog>().ReadAsync(id, 0, 10_000, TestContext.Current.CancellationToken))
        .Select(e => e.Seq).DefaultIfEmpty().Max();

    internal sealed record Target(string ExerciseId, string OrganizationId, string InjectId);
}
