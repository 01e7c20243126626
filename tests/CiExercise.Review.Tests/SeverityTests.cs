using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Kpis;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Tests;

/// <summary>
/// Severity calibration from decisions' ratings (the latest per organization counts), written to a record by the
/// DecisionRecorded contract: telco 3 then 1, bank 4, power 0; the scenario expects 3 on i1.
/// </summary>
public sealed class SeverityTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_organization_is_compared_with_its_sector_everyone_and_the_expected_level()
    {
        var scenario = ReviewScenario.Create();
        scenario = scenario with
        {
            Injects = scenario.Injects.Select(i => i.Id == "i1"
                ? i with { Recipients = new Recipients(false, ["telco", "bank", "power"], [], []), Severity = new SeverityAsk(3) }
                : i).ToArray(),
        };
        var events = new List<ExerciseEvent>();
        void Decide(string organization, SeverityRating rating) => events.Add(new ExerciseEvent("x", events.Count + 1, EventKind.DecisionRecorded,
            Start.AddMinutes(events.Count), TimeSpan.FromMinutes(events.Count), organization, new Actor("a", "staff", organization), "i1", null,
            ScenarioJson.Serialize(new ParticipantActionPayload("isolate", Severity: rating))));
        Decide("telco", new SeverityRating(3, 0, 1));
        Decide("bank", new SeverityRating(1, 4, 0));
        Decide("power", new SeverityRating(0, 0, 0));
        Decide("telco", new SeverityRating(1, 1, 0));

        var calibration = Assert.Single(SeverityCalibrations.Of(new ExerciseLog("x", "x", scenario, events)));

        Assert.Equal((3, (double?)(1 + 4 + 0) / 3d), (calibration.Expected!.Value, calibration.Mean));
        Assert.Equal([("telco", 1, -2), ("bank", 4, 1), ("power", 0, -3)],
            calibration.Answers.Select(a => (a.OrganizationId, a.Level, a.FromExpected!.Value)));
        Assert.Equal([Sector.InformationCommunications, Sector.Finance, Sector.ElectricPower], calibration.Sectors.Select(s => s.Sector));
        var misses = KpiMisses.Of([], [], [], [calibration]);
        Assert.Equal(["telco", "power"], misses.Where(m => m.Kpi == KpiKind.SeverityCalibration).Select(m => m.OrganizationId));
    }
}
