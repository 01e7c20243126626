using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Tests;
using CiExercise.Review.Model;
using CiExercise.Review.Report;

namespace CiExercise.Review.Tests;

/// <summary>
/// The review's cascades, from exercises played through the engine (see <see cref="DynamicsScenario"/>): the attack
/// takes the grid down at +00:10, the network follows 30 minutes later and payments at once; power restores the grid
/// in 20 minutes, once in time and once too late.
/// </summary>
[Collection(nameof(ControlledEngine))]
public sealed class CascadeReviewTests(ControlledEngine engine)
{
    private static TimeSpan M(int minutes) => TimeSpan.FromMinutes(minutes);

    private async Task<ExerciseReview> Played(int restoreAt)
    {
        var run = await DynamicsDriver.StartAsync(engine, DynamicsScenario.Create());
        await run.RunTo(M(restoreAt));
        await run.Decide("power", "attack", "restore");
        await run.RunTo(M(60));
        return await engine.Reviews().GetAsync(run.Id, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_late_restore_shows_the_root_cause_what_followed_and_the_decision_that_came_too_late()
    {
        var review = await Played(restoreAt: 25);

        var cascade = Assert.Single(review.Cascades);
        Assert.Equal(("grid", "power", ServiceStatus.Down, ServiceCause.Inject, "attack", M(10), M(45)),
            (cascade.ServiceId, cascade.OrganizationId, cascade.Status, cascade.Cause, cascade.InjectId, cascade.At, cascade.UpAt));
        Assert.Equal([("network", "grid", M(40), (TimeSpan?)M(45)), ("payments", "network", M(40), M(45))],
            cascade.Followed.Select(f => (f.ServiceId, f.BecauseOf, f.At, f.UpAt)));
        var decision = Assert.Single(cascade.Decisions);
        Assert.Equal(("grid", "power", M(25), (TimeSpan?)M(45), false), (decision.ServiceId, decision.OrganizationId, decision.DecidedAt, decision.RestoredAt, decision.InTime));
        Assert.Equal(["network"], decision.Fell);

        var en = ReportBuilder.Build(review, ReportActions.None, ReportText.En);
        var section = Assert.Single(en.Sections, s => s.Id == "cascades");
        Assert.Contains("1 service outage(s) started by an inject or the control cell; 2 dependent service(s) followed. 0 restoring decision(s) came in time, 1 too late.", section.Paragraphs);
        Assert.Equal(3, section.Tables.Single(t => t.Id == "cascades").Rows.Count);
        var row = section.Tables.Single(t => t.Id == "cascade_restores").Rows.Single();
        Assert.Equal(["grid", "Grid", "power", "00:25:00", "00:45:00", "no", "Network"], row.Where((_, i) => i != 3).Select(c => c?.ToString()));
        Assert.Equal(decision.DecisionSeq, row[3]);
        var ja = ReportBuilder.Build(review, ReportActions.None, ReportText.Ja);
        Assert.Equal("サービスと連鎖", Assert.Single(ja.Sections, s => s.Id == "cascades").Heading);
    }

    [Fact]
    public async Task A_restore_in_time_shows_an_outage_that_nothing_followed()
    {
        var review = await Played(restoreAt: 12);

        var cascade = Assert.Single(review.Cascades);
        Assert.Empty(cascade.Followed);
        Assert.Equal(M(32), cascade.UpAt);
        var decision = Assert.Single(cascade.Decisions);
        Assert.True(decision.InTime);
        Assert.Empty(decision.Fell);
    }
}
