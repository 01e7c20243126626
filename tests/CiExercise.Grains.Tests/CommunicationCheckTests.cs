using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Grains.CommunicationChecks;

namespace CiExercise.Grains.Tests;

/// <summary>
/// Communication checks through a real two-silo cluster: down the reporting chain (ministries first, each
/// passing it on to those that report to it) or to everyone, acknowledged once each, with the reachability
/// per stage computed from the log alone.
/// </summary>
[Collection(nameof(TwoSilos))]
public sealed class CommunicationCheckTests(TwoSiloFixture fixture)
{
    private static readonly Actor Control = Actor.Controller("director");

    private EngineCluster Engine => fixture.Engine;

    private async Task<(IExerciseGrain Grain, string Id)> Create()
    {
        var id = "cc-" + Guid.NewGuid().ToString("N")[..10];
        var grain = Engine.Grains.GetGrain<IExerciseGrain>(id);
        await grain.Create("Check exercise", TestScenario.Create(2, TimeSpan.FromHours(1)), Control);
        return (grain, id);
    }

    private IOrganizationGrain Org(string exerciseId, string org) => Engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(exerciseId, org));

    private static Actor Staff(string org) => new($"staff of {org}", "staff", org);

    private async Task<CheckReport> ReportAsync(string exerciseId, string checkId)
    {
        var fold = new CheckFold();
        foreach (var e in await Engine.ReadAllAsync(exerciseId)) fold.Apply(e);
        return fold.Reports().Single(r => r.CheckId == checkId);
    }

    [Fact]
    public async Task A_check_down_the_chain_reaches_the_ministries_then_whoever_they_pass_it_to_and_each_answer_counts_once()
    {
        var (grain, id) = await Create();

        // In draft: checks are run before exercise day.
        var started = await grain.StartCommunicationCheck(Control, CheckRoute.Chain, "Communication check: acknowledge, and pass it on.", "c1");
        Assert.Equal(7, started.Organizations); // every organization below a ministry, and the ministries
        Assert.Equal(3, started.SentFirst);

        var fsaAck = await Org(id, "fsa").AcknowledgeCheck(Staff("fsa"), started.CheckId, "a1");
        var again = await Org(id, "fsa").AcknowledgeCheck(Staff("fsa"), started.CheckId, "a2");
        Assert.True(again.Duplicate);
        Assert.Equal(fsaAck.Seq, again.Seq);
        var passed = await Org(id, "meti").PassOnCheck(Staff("meti"), started.CheckId, "p1");
        Assert.Equal(passed.Seq, (await Org(id, "meti").PassOnCheck(Staff("meti"), started.CheckId, "p2")).Seq);
        await Org(id, "card").AcknowledgeCheck(new Actor("card ciso", "ciso", "card"), started.CheckId, null);
        // telco has not received it: mic did not pass it on.
        var refused = await Assert.ThrowsAsync<ExerciseRuleException>(() => Org(id, "telco").AcknowledgeCheck(Staff("telco"), started.CheckId, null));
        Assert.Equal("check.not-received", refused.Code);

        var events = await Engine.ReadAllAsync(id);
        LogAssertions.GapFree(events);
        Assert.Equal(["card", "fsa", "meti", "mic", "power"],
            events.Where(e => e.Kind == EventKind.CommunicationCheckReceived).Select(e => e.OrganizationId!).Order());
        Assert.Equal(["card", "fsa", "meti"], events.Where(e => e.Kind == EventKind.CommunicationCheckAcknowledged).Select(e => e.OrganizationId!).Order());
        Assert.Single(events, e => e.Kind == EventKind.CommunicationCheckPassedOn);

        var report = await ReportAsync(id, started.CheckId);
        var ministries = report.Stages.Single(s => s.Stage == CheckStage.Ministry);
        Assert.Equal((3, 3, 2), (ministries.Organizations, ministries.Received, ministries.Acknowledged));
        var operators = report.Stages.Single(s => s.Stage == CheckStage.Operator);
        Assert.Equal((4, 2, 1), (operators.Organizations, operators.Received, operators.Acknowledged));
        Assert.Equal(0.25, operators.Rate);
        Assert.NotNull(operators.SlowestToAcknowledge);
        Assert.Equal(["bank", "mic", "power", "telco"],
            report.Organizations.Where(o => o.AcknowledgedAt is null).Select(o => o.OrganizationId).Order());
        Assert.Equal("meti", report.Organizations.Single(o => o.OrganizationId == "power").Via);
    }

    [Fact]
    public async Task A_retried_start_is_one_check_and_a_check_to_everyone_reaches_every_played_organization()
    {
        var (grain, id) = await Create();

        var first = await grain.StartCommunicationCheck(Control, CheckRoute.Everyone, "Everyone: please acknowledge.", "retry-me");
        var retried = await grain.StartCommunicationCheck(Control, CheckRoute.Everyone, "Everyone: please acknowledge.", "retry-me");

        Assert.Equal(first.CheckId, retried.CheckId);
        Assert.True(retried.Duplicate);
        Assert.Equal(TestScenario.Organizations.Count, first.SentFirst);
        var events = await Engine.ReadAllAsync(id);
        Assert.Single(events, e => e.Kind == EventKind.CommunicationCheckStarted);
        Assert.Equal(TestScenario.Organizations.Count, events.Count(e => e.Kind == EventKind.CommunicationCheckReceived));
        var leaf = await Assert.ThrowsAsync<ExerciseRuleException>(() => Org(id, "bank").PassOnCheck(new Actor("bank ciso", "ciso", "bank"), first.CheckId, null));
        Assert.Equal("check.nothing-to-pass-on", leaf.Code);
    }

    [Fact]
    public async Task Checks_are_bounded_and_a_closed_check_takes_no_answer()
    {
        var (grain, id) = await Create();
        await Refused("check.message-required", () => grain.StartCommunicationCheck(Control, CheckRoute.Chain, "  ", null));
        await Refused("text.too-long", () => grain.StartCommunicationCheck(Control, CheckRoute.Chain, new string('x', CheckLimits.MaxMessageLength + 1), null));
        var checks = new List<CheckStarted>();
        for (var i = 0; i < CheckLimits.MaxOpen; i++)
            checks.Add(await grain.StartCommunicationCheck(Control, CheckRoute.Chain, $"check {i}", null));
        await Refused("check.too-many-open", () => grain.StartCommunicationCheck(Control, CheckRoute.Chain, "one more", null));
        var before = (await Engine.ReadAllAsync(id)).Count;

        await grain.CloseCommunicationCheck(Control, checks[0].CheckId, null);
        await Refused("check.closed", () => grain.CloseCommunicationCheck(Control, checks[0].CheckId, null));
        await Refused("check.closed", () => Org(id, "mic").AcknowledgeCheck(Staff("mic"), checks[0].CheckId, null));
        await Refused("actor.wrong-organization", () => Org(id, "mic").AcknowledgeCheck(Staff("fsa"), checks[1].CheckId, null));
        await grain.StartCommunicationCheck(Control, CheckRoute.Chain, "after closing one", null);

        Assert.Equal(before + 1 + 1 + 3, (await Engine.ReadAllAsync(id)).Count); // close, start, its 3 ministries
        var report = await ReportAsync(id, checks[0].CheckId);
        Assert.NotNull(report.ClosedAt);
        Assert.All(report.Stages, s => Assert.Equal(0, s.Acknowledged));
    }

    private static async Task Refused(string code, Func<Task> call) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<ExerciseRuleException>(call)).Code);
}
