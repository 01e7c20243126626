using System.Net;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Improvement;
using CiExercise.Server.Improvement;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Improvement;

/// <summary>
/// The test of issue 8's improvement plan: a corrective action from a first exercise shows up in a second one,
/// and the recurrence is reported. Both exercises are played through the real server (Scenarios/improve-test.yaml).
/// </summary>
public sealed class CarriedActionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string ScenarioId = "improve-test";
    private readonly ApiClient _api = server.Api;

    [Fact]
    public async Task A_corrective_action_from_a_first_exercise_shows_up_in_a_second_one_and_the_recurrence_is_reported()
    {
        // The first exercise: the task is rated U and the bank never acknowledges the alert.
        var first = (await _api.CreateExerciseAsync(scenarioId: ScenarioId)).Id;
        await PlayAsync(first, HseepRating.U);
        var firstMiss = await _api.GetAsync<CiExercise.Review.Model.ExerciseReview>($"/api/exercises/{first}/review");
        Assert.Contains(firstMiss.Kpis.Misses, m => m is { OrganizationId: "bank", Kpi: CiExercise.Review.Model.KpiKind.Acknowledgement });
        var evaluator = await server.Factory.SignInAsync(TestPrincipals.Evaluator(first));
        using var recorded = await evaluator.PostAsync($"/api/exercises/{first}/corrective-actions", new
        {
            objectiveId = "report", taskId = "notify-ministry", kpi = "Acknowledgement", ownerOrganizationId = "bank",
            finding = "第一報が所管省庁に届かなかった", action = "当番表と連絡先を見直す", due = "2026-06-30",
        });
        var action = await ApiClient.ReadAsync<CorrectiveAction>(recorded, HttpStatusCode.Created);

        // The second exercise sees it before play, open and not (yet) recurred; the first does not carry its own.
        var second = (await _api.CreateExerciseAsync(scenarioId: ScenarioId)).Id;
        var before = await _api.GetAsync<CorrectiveActionList>($"/api/exercises/{second}/corrective-actions");
        var carriedBefore = Assert.Single(before.Carried);
        Assert.Equal((action, false), (carriedBefore.Action, carriedBefore.Recurred));
        Assert.Empty(before.Raised);
        Assert.Empty((await _api.GetAsync<CorrectiveActionList>($"/api/exercises/{first}/corrective-actions")).Carried);

        // Played again: the same task rated M, the same KPI missed by the same organization.
        await PlayAsync(second, HseepRating.M);
        var observer = await server.Factory.SignInAsync(TestPrincipals.Observer(second));
        var after = await observer.GetAsync<CorrectiveActionList>($"/api/exercises/{second}/corrective-actions");

        var carried = Assert.Single(after.Carried);
        Assert.Equal(action, carried.Action);
        Assert.True(carried.Recurred);
        Assert.Collection(carried.Evidence,
            line => Assert.StartsWith("Task report/notify-ministry (incident-reporting) rated M again", line),
            line => Assert.Equal("KPI Acknowledgement missed again by bank on inject i1-alert: never acknowledged", line));
    }

    /// <summary>Starts the exercise, waits for the alert to reach the bank, rates the task as the evaluator and ends it.</summary>
    private async Task PlayAsync(string exerciseId, HseepRating rating)
    {
        await _api.CommandAsync(exerciseId, "start");
        await _api.WaitForExerciseAsync(exerciseId, v => v.Injects.Single(i => i.Inject.Id == "i1-alert").Status == InjectStatus.Fired,
            "the alert reached the bank");
        var evaluator = await server.Factory.SignInAsync(TestPrincipals.Evaluator(exerciseId));
        using var rated = await evaluator.PostAsync($"/api/exercises/{exerciseId}/task-ratings", new
        {
            objectiveId = "report", taskId = "notify-ministry", rating, text = "第一報なし", evidenceSeqs = Array.Empty<long>(),
        });
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        await _api.CommandAsync(exerciseId, "end");
    }
}
