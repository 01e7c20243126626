using CiExercise.Contracts.Exercises;
using CiExercise.Server.Exercises;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace CiExercise.Server.Tests;

/// <summary>
/// The exercise list folds each exercise's status and clocks from its clock events: after a restart it wakes
/// no exercise grain (a server holding many exercises answers at once), and it says what the grains say.
/// </summary>
public sealed class ExerciseListTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Listing_after_a_restart_wakes_no_exercise_and_agrees_with_each_grain()
    {
        string draft, paused, halted;
        await using (var first = new ServerFactory(_directory.Path))
        {
            var api = await first.SignInAsync(TestPrincipals.ControllerOfAll);
            draft = (await api.CreateExerciseAsync()).Id;
            paused = (await api.CreateExerciseAsync()).Id;
            halted = (await api.CreateExerciseAsync()).Id;
            await api.CommandAsync(paused, "speed", new { speed = 60 });
            await api.CommandAsync(paused, "start");
            await api.CommandAsync(paused, "jump", new { to = "next-inject" });
            await api.CommandAsync(paused, "pause");
            await api.CommandAsync(halted, "start");
            await api.CommandAsync(halted, "halt", new { reason = "real incident" });
        }

        await using var second = new ServerFactory(_directory.Path);
        var restarted = await second.SignInAsync(TestPrincipals.ControllerOfAll);
        var listed = (await restarted.GetAsync<ExerciseSummary[]>("/api/exercises")).ToDictionary(s => s.Id);

        Assert.Equal(0, await ExerciseActivationsAsync(second));
        Assert.Equal(ExerciseStatus.Draft, listed[draft].Status);
        Assert.Equal(ExerciseStatus.Paused, listed[paused].Status);
        Assert.Equal(ExerciseStatus.Halted, listed[halted].Status);
        foreach (var id in new[] { draft, paused, halted })
        {
            var view = await restarted.ExerciseAsync(id);
            var summary = listed[id];
            Assert.Equal(view.Status, summary.Status);
            // None of them runs, so both clocks stand still and must agree to the tick.
            Assert.Equal(view.Clock.ScenarioElapsed, summary.Clock.ScenarioElapsed);
            Assert.Equal(view.Clock.StoryTime, summary.Clock.StoryTime);
            Assert.Equal((view.Clock.Speed, view.Clock.Running), (summary.Clock.Speed, summary.Clock.Running));
            Assert.Equal(await restarted.LastSeqAsync(id), summary.LastSeq);
        }

        // The jump to the next inject (+00:10) is in the fold; the clock ran on a little before the pause.
        Assert.True(listed[paused].Clock.ScenarioElapsed >= TimeSpan.FromMinutes(10), $"{listed[paused].Clock.ScenarioElapsed}");
    }

    private static async Task<int> ExerciseActivationsAsync(ServerFactory server)
    {
        var management = server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("ExerciseGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    public void Dispose() => _directory.Dispose();
}
