using CiExercise.Contracts.Presence;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Realtime.Presence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>Who is connected to an exercise now, for its staff (the hub pushes the same to staff consoles).</summary>
public static class PresenceEndpoints
{
    public static IEndpointRouteBuilder MapPresenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/exercises/{id}/presence", Get).WithTags("Presence").WithName("GetPresence")
            .RequireAuthorization(AccessPolicies.ExerciseStaff).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<PresenceView>, ProblemHttpResult>> Get(string id, PresenceReader presence, CancellationToken cancellationToken) =>
        await presence.ReadAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : ApiProblems.ExerciseNotFound(id);
}
