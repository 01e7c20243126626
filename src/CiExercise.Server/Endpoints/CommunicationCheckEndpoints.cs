using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Exercises;
using CiExercise.Grains.CommunicationChecks;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.CommunicationChecks;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// Communication checks: a controller starts and closes them, staff read the reachability per stage (folded from
/// the log), and participants acknowledge or pass on as their own organization. Answers are 201 once durable.
/// </summary>
public static class CommunicationCheckEndpoints
{
    public static IEndpointRouteBuilder MapCommunicationCheckEndpoints(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/api/exercises/{id}/communication-checks").WithTags("Communication checks")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        control.MapPost("/", Start).WithName("StartCommunicationCheck").RequireAuthorization(AccessPolicies.ExerciseController)
            .WithIdempotencyKey();
        control.MapPost("/{checkId}/close", Close).WithName("CloseCommunicationCheck").RequireAuthorization(AccessPolicies.ExerciseController)
            .WithIdempotencyKey();
        control.MapGet("/", Reports).WithName("GetCommunicationChecks").RequireAuthorization(AccessPolicies.ExerciseStaff);

        var answers = app.MapGroup("/api/exercises/{id}/organizations/{orgId}/communication-checks/{checkId}").WithTags("Communication checks")
            .RequireAuthorization(AccessPolicies.OrganizationActor)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();
        answers.MapPost("/acknowledgement", (string id, string orgId, string checkId, CheckAnswerRequest request, IGrainFactory grains, HttpContext context) =>
            Answer(id, orgId, grains, context, g => g.AcknowledgeCheck(ApiActors.Of(context), checkId, IdempotencyKeys.Of(context)))).WithName("AcknowledgeCheck");
        answers.MapPost("/pass-on", (string id, string orgId, string checkId, CheckAnswerRequest request, IGrainFactory grains, HttpContext context) =>
            Answer(id, orgId, grains, context, g => g.PassOnCheck(ApiActors.Of(context), checkId, IdempotencyKeys.Of(context)))).WithName("PassOnCheck");
        return app;
    }

    public static async Task<Results<Created<CheckStarted>, ValidationProblem>> Start(
        string id, CommunicationCheckRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = ActionChecks.CommunicationCheck(request.Route, request.Message);
        if (errors.Any) return errors.Problem();
        var started = await grains.GetGrain<IExerciseGrain>(id)
            .StartCommunicationCheck(ApiActors.Of(context), request.Route!.Value, request.Message!, IdempotencyKeys.Of(context));
        return TypedResults.Created($"/api/exercises/{id}/communication-checks", IdempotencyKeys.Answered(context, started, started.Duplicate));
    }

    public static async Task<Ok<ActionReceipt>> Close(string id, string checkId, IGrainFactory grains, HttpContext context)
    {
        var receipt = await grains.GetGrain<IExerciseGrain>(id).CloseCommunicationCheck(ApiActors.Of(context), checkId, IdempotencyKeys.Of(context));
        return TypedResults.Ok(IdempotencyKeys.Answered(context, receipt, receipt.Duplicate));
    }

    public static async Task<Results<Ok<IReadOnlyList<CheckReport>>, ProblemHttpResult>> Reports(
        string id, ExerciseScenarios exercises, CheckReports reports, CancellationToken cancellationToken)
    {
        if (await exercises.FindAsync(id, cancellationToken) is null) return ApiProblems.ExerciseNotFound(id);
        return TypedResults.Ok(await reports.ReadAsync(id, cancellationToken));
    }

    private static async Task<Results<Created<ActionReceipt>, ProblemHttpResult>> Answer(
        string id, string orgId, IGrainFactory grains, HttpContext context, Func<IOrganizationGrain, Task<ActionReceipt>> answer) =>
        Receipts.Created(context, id, await answer(grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, orgId))));
}
