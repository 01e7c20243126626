using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Improvement;
using static CiExercise.Server.Tests.Improvement.HandMadeReviews;

namespace CiExercise.Server.Tests.Improvement;

public sealed class TrendTests
{
    private static readonly (string, Sector)[] Organizations = [("bank", Sector.Finance), ("power", Sector.ElectricPower)];
    private static readonly DateTimeOffset Day = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly CiExercise.Review.Model.ExerciseReview[] Reviews =
    [
        ReviewOf("spring", Organizations, [("report", "incident-reporting", ["notify"]), ("share", "information-sharing", ["post"])],
            ratings: [("report", "notify", HseepRating.U), ("share", "post", HseepRating.S)],
            organizationFigures: [Figures("bank", 3), Figures("power", 4)], sectorFigures: [Figures("Finance", 3), Figures("ElectricPower", 4)],
            startedAt: Day.AddMonths(3)),
        ReviewOf("winter", Organizations, [("report", "incident-reporting", ["notify"])],
            ratings: [("report", "notify", HseepRating.M)],
            organizationFigures: [Figures("bank", 1), Figures("power", 2)], sectorFigures: [Figures("Finance", 1), Figures("ElectricPower", 2)],
            startedAt: Day),
        ReviewOf("draft", Organizations, [("report", "incident-reporting", ["notify"])], startedAt: null) with { StartedAt = null },
    ];

    [Fact]
    public void Exercises_come_in_time_order_with_each_objective_and_task_rating_and_their_figures()
    {
        var trend = Trends.Of(Reviews, new TrendFilter());

        Assert.Equal(["winter", "spring", "draft"], trend.Exercises.Select(e => e.ExerciseId));
        var spring = trend.Exercises[1];
        Assert.Equal([("incident-reporting", HseepRating.U), ("information-sharing", HseepRating.S)],
            spring.Objectives.Select(o => (o.Capability, o.Rating)));
        Assert.Equal([("report", "notify", (HseepRating?)HseepRating.U), ("share", "post", HseepRating.S)],
            spring.Tasks.Select(t => (t.ObjectiveId, t.TaskId, t.Rating)));
        Assert.Equal(["bank", "power"], spring.Organizations.Select(f => f.Key));
        Assert.Equal(HseepRating.M, trend.Exercises[0].Objectives[0].Rating);
        Assert.Null(trend.Exercises[2].Tasks[0].Rating);
    }

    [Fact]
    public void Filters_narrow_to_one_organization_one_sector_and_one_capability()
    {
        var byOrganization = Trends.Of(Reviews, new TrendFilter(OrganizationId: "power"));
        var bySector = Trends.Of(Reviews, new TrendFilter(Sector: Sector.Finance));
        var byCapability = Trends.Of(Reviews, new TrendFilter(Capability: "INFORMATION-sharing"));

        Assert.All(byOrganization.Exercises, e => Assert.All(e.Organizations, f => Assert.Equal("power", f.Key)));
        Assert.Equal([2, 4], byOrganization.Exercises.Take(2).Select(e => e.Organizations[0].Delivered));
        Assert.Equal(["Finance"], bySector.Exercises[1].Sectors.Select(f => f.Key));
        Assert.Equal(["bank"], bySector.Exercises[1].Organizations.Select(f => f.Key));
        Assert.Equal(["share"], byCapability.Exercises[1].Objectives.Select(o => o.ObjectiveId));
        Assert.Empty(byCapability.Exercises[0].Tasks);
    }
}
