using CiExercise.Grains.Scenarios;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Simulated;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// The control cell's inbox of the organizations it plays (simulated): what reached them, to reply, forward and send
/// as them through POST .../organizations/{orgId}/messages.
/// </summary>
public static class SimulatedEndpoints
{
    public static IEndpointRouteBuilder MapSimulatedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/exercises/{id}/simulated/inbox", ReadInbox).WithTags("Simulated organizations").WithName("ReadSimulatedInbox")
            .ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(AccessPolicies.ExerciseController);
        return app;
    }

    public static async Task<Results<Ok<SimulatedInboxPage>, ValidationProblem, ProblemHttpResult>> ReadInbox(
        string id, long? after, int? limit, ExerciseScenarios exercises, SimulatedInbox inbox, CancellationToken cancellationToken)
    {
        if (EventEndpoints.PageErrors(after, limit) is { Any: true } errors) return errors.Problem();
        if (await exercises.FindAsync(id, cancellationToken) is not { } scenario) return ApiProblems.ExerciseNotFound(id);
        return TypedResults.Ok(await inbox.ReadAsync(id, scenario, after ?? 0, limit ?? EventEndpoints.DefaultLimit));
    }
}
