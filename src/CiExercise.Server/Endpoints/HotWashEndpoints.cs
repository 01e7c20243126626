using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>The hot-wash form: the scenario's questions, or the default ones when it defines none. Answers go to the organization (ParticipantEndpoints).</summary>
public static class HotWashEndpoints
{
    public static IEndpointRouteBuilder MapHotWashEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/exercises/{id}/hot-wash", Questions).WithTags("Review").WithName("GetHotWashQuestions")
            .RequireAuthorization(AccessPolicies.ExerciseMember).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<HotWashQuestion>>, ProblemHttpResult>> Questions(
        string id, ExerciseScenarios exercises, CancellationToken cancellationToken)
    {
        var scenario = await exercises.FindAsync(id, cancellationToken);
        return scenario is null ? ApiProblems.ExerciseNotFound(id) : TypedResults.Ok(scenario.Review.HotWash);
    }
}
