using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Improvement;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Improvement;
using CiExercise.Review.Model;
using static CiExercise.Server.Tests.Improvement.HandMadeReviews;

namespace CiExercise.Server.Tests.Improvement;

public sealed class RecurrenceTests
{
    private static readonly (string, Sector)[] Organizations = [("bank", Sector.Finance), ("power", Sector.ElectricPower)];
    private static readonly (string, string, string[])[] Objectives = [("report", "incident-reporting", ["notify-ministry", "log"])];

    [Fact]
    public void Actions_of_organizations_objectives_or_capabilities_that_play_here_are_carried_and_others_are_not()
    {
        var review = ReviewOf("second", Organizations, Objectives);
        var byOwner = Action("first", owner: "bank");
        var byObjective = Action("first", objectiveId: "report");
        var byCapability = Action("first", objectiveId: "other-objective", capability: "Incident-Reporting ");
        var unrelated = Action("first", objectiveId: "other", capability: "other", owner: "airline");
        var raisedHere = Action("second", owner: "bank");

        var carried = Recurrence.Carried(review, [byOwner, byObjective, byCapability, unrelated, raisedHere]);

        Assert.Equal([byOwner, byObjective, byCapability], carried.Select(c => c.Action));
        Assert.All(carried, c => Assert.False(c.Recurred));
        Assert.All(carried, c => Assert.Empty(c.Evidence));
    }

    [Theory]
    [InlineData(HseepRating.M, true)]
    [InlineData(HseepRating.U, true)]
    [InlineData(HseepRating.S, false)]
    [InlineData(HseepRating.P, false)]
    public void A_task_rated_M_or_U_again_recurs_with_its_rating_as_evidence(HseepRating rating, bool recurs)
    {
        var review = ReviewOf("second", Organizations, Objectives, ratings: [("report", "notify-ministry", rating)]);
        var action = Action("first", objectiveId: "report", taskId: "notify-ministry");

        var carried = Assert.Single(Recurrence.Carried(review, [action]));

        Assert.Equal(recurs, carried.Recurred);
        if (recurs) Assert.Contains($"report/notify-ministry (incident-reporting) rated {rating} again", Assert.Single(carried.Evidence));
        else Assert.Empty(carried.Evidence);
    }

    [Fact]
    public void The_current_rating_counts_so_a_task_rated_U_then_S_has_not_recurred()
    {
        var review = ReviewOf("second", Organizations, Objectives,
            ratings: [("report", "notify-ministry", HseepRating.U), ("report", "notify-ministry", HseepRating.S)]);

        Assert.False(Assert.Single(Recurrence.Carried(review, [Action("first", objectiveId: "report", taskId: "notify-ministry")])).Recurred);
    }

    [Fact]
    public void A_task_of_another_scenario_is_matched_by_capability_and_task_id()
    {
        var review = ReviewOf("second", Organizations, [("report-v2", "incident-reporting", ["notify-ministry"])],
            ratings: [("report-v2", "notify-ministry", HseepRating.U)]);
        var sameCapability = Action("first", objectiveId: "report", capability: "incident-reporting", taskId: "notify-ministry");
        var otherTask = Action("first", objectiveId: "report", capability: "incident-reporting", taskId: "log");

        var carried = Recurrence.Carried(review, [sameCapability, otherTask]);

        Assert.True(carried[0].Recurred);
        Assert.Contains("report-v2/notify-ministry", carried[0].Evidence[0]);
        Assert.False(carried[1].Recurred);
    }

    [Fact]
    public void A_kpi_missed_again_by_the_owner_recurs_and_a_miss_by_another_organization_does_not()
    {
        var review = ReviewOf("second", Organizations, Objectives, misses:
        [
            new KpiMiss("bank", KpiKind.ResponseWindow, "i2-outage", "answered 00:42 after delivery; window 00:30"),
            new KpiMiss("power", KpiKind.Escalation, "i2-outage", "never escalated"),
        ]);
        var bankWindow = Action("first", kpi: "ResponseWindow", owner: "bank");
        var bankEscalation = Action("first", kpi: "Escalation", owner: "bank");
        var anyoneEscalation = Action("first", objectiveId: "report", kpi: "Escalation");

        var carried = Recurrence.Carried(review, [bankWindow, bankEscalation, anyoneEscalation]);

        Assert.Equal("KPI ResponseWindow missed again by bank on inject i2-outage: answered 00:42 after delivery; window 00:30",
            Assert.Single(carried[0].Evidence));
        Assert.False(carried[1].Recurred);
        Assert.True(carried[2].Recurred);
        Assert.Contains("by power", Assert.Single(carried[2].Evidence));
    }

    [Fact]
    public void A_closed_action_is_carried_only_when_its_finding_recurred()
    {
        var review = ReviewOf("second", Organizations, Objectives, ratings: [("report", "notify-ministry", HseepRating.M)]);
        var doneButBack = Action("first", objectiveId: "report", taskId: "notify-ministry", status: CorrectiveActionStatus.Done);
        var doneAndGone = Action("first", objectiveId: "report", taskId: "log", status: CorrectiveActionStatus.Done);
        var dropped = Action("first", owner: "bank", status: CorrectiveActionStatus.Dropped);
        var inProgress = Action("first", owner: "bank", status: CorrectiveActionStatus.InProgress);

        var carried = Recurrence.Carried(review, [doneButBack, doneAndGone, dropped, inProgress]);

        Assert.Equal([doneButBack, inProgress], carried.Select(c => c.Action));
        Assert.True(carried[0].Recurred);
    }

    [Fact]
    public void Evidence_of_a_kpi_missed_everywhere_is_bounded()
    {
        var misses = Enumerable.Range(0, 300).Select(i => new KpiMiss($"org-{i}", KpiKind.Acknowledgement, "i1", "never acknowledged")).ToArray();
        var review = ReviewOf("second", Organizations, Objectives, misses: misses);

        var carried = Assert.Single(Recurrence.Carried(review, [Action("first", objectiveId: "report", kpi: "Acknowledgement")]));

        Assert.Equal(Recurrence.MaxEvidence + 1, carried.Evidence.Count);
        Assert.Equal($"… and {300 - Recurrence.MaxEvidence} more.", carried.Evidence[^1]);
    }
}
