using CiExercise.Contracts.Exercises;
using CiExercise.Server.Exercises;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests;

public sealed class SampleExerciseTests : IDisposable
{
    // The scenario named, since the test folder holds more than one (improve-test.yaml sorts first).
    private static readonly Dictionary<string, string?> Settings = new() { ["Samples:CreateOnEmpty"] = "true", ["Samples:ScenarioId"] = TestScenario.Id };

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_first_start_creates_one_sample_exercise_ready_to_start_and_later_starts_none()
    {
        await using (var first = new ServerFactory(_directory.Path, Settings))
        {
            var api = await first.SignInAsync(TestPrincipals.ControllerOfAll);
            var sample = Assert.Single(await api.GetAsync<ExerciseSummary[]>("/api/exercises"));
            Assert.Equal(("sample", TestScenario.Id, ExerciseStatus.Draft), (sample.Id, sample.ScenarioId, sample.Status));
            Assert.Equal(ExerciseStatus.Running, (await api.CommandAsync(sample.Id, "start")).Status);
        }

        await using var second = new ServerFactory(_directory.Path, Settings);
        var again = await second.SignInAsync(TestPrincipals.ControllerOfAll);
        var exercises = await again.GetAsync<ExerciseSummary[]>("/api/exercises");
        Assert.Equal(ExerciseStatus.Running, Assert.Single(exercises).Status);
    }

    public void Dispose() => _directory.Dispose();
}
