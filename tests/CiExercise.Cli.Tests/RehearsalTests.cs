using CiExercise.Cli.Rehearsal;
using CiExercise.Cli.Rehearsal.Participants;
using CiExercise.Cli.Rehearsal.Report;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios;

namespace CiExercise.Cli.Tests;

/// <summary>
/// Rehearsals of every scenario in scenarios/ and of a scenario with a window too short for its speed. Each runs the
/// real server on a virtual clock, so a four-hour scenario takes seconds and nothing here waits on wall time.
/// </summary>
public sealed class RehearsalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-rehearsal-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Scenarios => RepositoryScenarios.Files;

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_library_scenario_rehearses_the_same_for_a_seed_and_differently_for_another_behaviour(string file)
    {
        var scenario = Parse(Path.Combine(RepositoryScenarios.Folder, file));

        // At the speed these exercises are played (real time): at 60 a twenty-minute tabletop is over before anyone acts.
        var first = await RehearseAsync(scenario, new RehearsalOptions(1, Behaviour.Random, Seed: 11));
        var again = await RehearseAsync(scenario, new RehearsalOptions(1, Behaviour.Random, Seed: 11));
        var silent = await RehearseAsync(scenario, new RehearsalOptions(1, Behaviour.Silent, Seed: 11));

        Assert.Equal(RehearsalReportWriter.ToJson(first), RehearsalReportWriter.ToJson(again));
        Assert.NotEqual(RehearsalReportWriter.ToJson(first), RehearsalReportWriter.ToJson(silent));
        Assert.True(first.Figures.Fired > 0, $"{file}: nothing fired");
        Assert.True(first.Figures.Acknowledgements > 0, $"{file}: random participants acknowledged nothing");
        Assert.Equal(0, silent.Figures.Acknowledgements);
        Assert.Equal(silent.Kpis.Exercise.Delivered, silent.Kpis.Exercise.Unanswered);
        Assert.Empty(first.Refused);
    }

    [Fact]
    public async Task A_window_shorter_than_a_prompt_decision_at_this_speed_is_reported_and_missed()
    {
        var scenario = Parse(ShortWindowScenario.WriteTo(_folder));

        var fast = await RehearseAsync(scenario, new RehearsalOptions(60, Behaviour.Prompt, Seed: 3));
        var real = await RehearseAsync(scenario, new RehearsalOptions(1, Behaviour.Prompt, Seed: 3));

        var unanswerable = Assert.Single(fast.Unanswerable);
        Assert.Equal(("i1", TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(75)), (unanswerable.InjectId, unanswerable.Window, unanswerable.Needed));
        // Answered 75 minutes or more after delivery, if before the end at all: never inside the window.
        Assert.Equal((1, 0, 1), (fast.Kpis.Exercise.WithWindow, fast.Kpis.Exercise.InsideWindow, fast.Kpis.Exercise.Overdue));
        Assert.True(fast.Kpis.Exercise.MedianFirstDecision is null || fast.Kpis.Exercise.MedianFirstDecision >= TimeSpan.FromMinutes(75));

        Assert.Empty(real.Unanswerable);
        Assert.Equal((1, 1, 0), (real.Kpis.Exercise.WithWindow, real.Kpis.Exercise.InsideWindow, real.Kpis.Exercise.Overdue));
    }

    [Fact]
    public async Task The_report_names_organizations_that_receive_nothing_choices_never_chosen_and_the_chain_reached()
    {
        var scenario = Parse(ShortWindowScenario.WriteTo(_folder));

        var report = await RehearseAsync(scenario, new RehearsalOptions(1, Behaviour.Prompt, Seed: 3));

        // The bank reports to its ministry, so only the waterworks is left out.
        Assert.Equal(["waterworks"], report.ReceivedNothing.Select(o => o.OrganizationId));
        var never = Assert.Single(report.ChoicesNeverChosen);
        Assert.Equal("i1", never.InjectId);
        Assert.Single(never.Choices);
        Assert.Contains(report.Kpis.Stages, s => s is { Stage: CiExercise.Review.Model.ChainStageKind.Ministry, Reached: 1, ReachedInWindow: 1 });
        Assert.Equal((1, 1, 1, 1), (report.Figures.Fired, report.Figures.Acknowledgements, report.Figures.Decisions, report.Figures.Messages));
    }

    [Fact]
    public async Task Cascades_releases_and_conditions_never_met_follow_what_the_participants_did()
    {
        var scenario = Parse(CascadeScenario.WriteTo(_folder));

        var silent = await RehearseAsync(scenario, new RehearsalOptions(1, Behaviour.Silent, Seed: 5));
        var prompt = await RehearseAsync(scenario, new RehearsalOptions(1, Behaviour.Prompt, Seed: 5));

        // Nobody restores the grid: the pumps follow it down at the end of their 30 minutes, and that releases the consequence.
        var cascade = Assert.Single(silent.Cascades);
        Assert.Equal((TimeSpan.FromMinutes(40), "pumps", ServiceStatus.Down, "grid"), (cascade.At, cascade.ServiceId, cascade.To, cascade.Because));
        var released = Assert.Single(silent.Released);
        Assert.Equal(("pumps-stopped", TimeSpan.FromMinutes(40)), (released.InjectId, released.DueAt));
        Assert.Equal(["thanks"], silent.NotFired.Select(n => n.InjectId));
        Assert.Equal(InjectStatus.Held, silent.NotFired[0].Status);
        Assert.Equal("thanks", Assert.Single(silent.ConditionsNeverMet).InjectId);
        Assert.Equal(["restore", "wait"], Assert.Single(silent.ChoicesNeverChosen).Choices);

        // The power company decides within minutes and files the outage report: the thank-you is released, its condition met.
        Assert.Equal(1, prompt.Figures.Reports);
        Assert.Contains(prompt.Released, r => r.InjectId == "thanks");
        Assert.DoesNotContain(prompt.NotFired, n => n.InjectId == "thanks");
        Assert.DoesNotContain(prompt.ConditionsNeverMet, c => c.InjectId == "thanks");
    }

    private static Scenario Parse(string path)
    {
        var parsed = ScenarioParser.ParseFile(path);
        return parsed.Scenario ?? throw new InvalidOperationException(string.Join('\n', parsed.Diagnostics));
    }

    private static Task<RehearsalReport> RehearseAsync(Scenario scenario, RehearsalOptions options) =>
        new Rehearsal.Rehearsal(scenario, options).RunAsync(TestContext.Current.CancellationToken);
}
