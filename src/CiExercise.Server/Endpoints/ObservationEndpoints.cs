using CiExercise.Contracts.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>Evaluators record observations and critical-task ratings into the event log; 201 once the row is durable.</summary>
public static class ObservationEndpoints
{
    public static IEndpointRouteBuilder MapObservationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/exercises/{id}/observations", Record).WithTags("Evaluation").WithName("RecordObservation")
            .RequireAuthorization(AccessPolicies.ExerciseEvaluator)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithIdempotencyKey();
        app.MapPost("/api/exercises/{id}/task-ratings", RateTask).WithTags("Evaluation").WithName("RateTask")
            .RequireAuthorization(AccessPolicies.ExerciseEvaluator)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithIdempotencyKey();
        return app;
    }

    public static async Task<Results<Created<ActionReceipt>, ValidationProblem>> Record(
        string id, ObservationRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = ActionChecks.Observation(request.Kind, request.Text, request.ObjectiveIds, request.InjectIds, request.OrganizationIds);
        if (errors.Any) return errors.Problem();
        var observation = new Observation(request.Kind!.Value, request.Rating, request.Text!, request.ObjectiveIds ?? [],
            request.InjectIds ?? [], request.OrganizationIds ?? []);
        var receipt = await grains.GetGrain<IExerciseGrain>(id)
            .RecordObservation(ExercisePrincipal.From(context.User)!.ToActor(), observation, IdempotencyKeys.Of(context));
        return Receipts.Created(context, id, receipt);
    }

    /// <summary>A P/S/M/U rating of a critical task with the events it rests on; a later rating of the task supersedes it.</summary>
    public static async Task<Results<Created<ActionReceipt>, ValidationProblem>> RateTask(
        string id, TaskRatingRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = ActionChecks.TaskRating(request.ObjectiveId, request.TaskId, request.Rating, request.Text, request.EvidenceSeqs);
        if (errors.Any) return errors.Problem();
        var rating = new TaskRating(request.ObjectiveId!, request.TaskId!, request.Rating!.Value, request.Text, request.EvidenceSeqs ?? []);
        var receipt = await grains.GetGrain<IExerciseGrain>(id)
            .RateTask(ExercisePrincipal.From(context.User)!.ToActor(), rating, IdempotencyKeys.Of(context));
        return Receipts.Created(context, id, receipt);
    }
}
