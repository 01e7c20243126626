using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// Scenario dynamics: the services board (every member; a participant sees its own organization's services and what
/// they depend on), and the control cell's hand on it: setting a service's state, releasing or cancelling a held inject.
/// </summary>
public static class DynamicsEndpoints
{
    public static IEndpointRouteBuilder MapDynamicsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises/{id}").WithTags("Dynamics")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/services", GetServices).WithName("GetServices").RequireAuthorization(AccessPolicies.ExerciseMember);
        var control = api.MapGroup("").RequireAuthorization(AccessPolicies.ExerciseController).WithIdempotencyKey();
        control.MapPost("/services/{serviceId}", SetService).WithName("SetService");
        control.MapPost("/injects/{injectId}/release", Release).WithName("ReleaseInject");
        control.MapPost("/injects/{injectId}/cancel", Cancel).WithName("CancelInject");
        return app;
    }

    public static async Task<Ok<ServiceBoard>> GetServices(string id, IGrainFactory grains, HttpContext context)
    {
        var board = await grains.GetGrain<IExerciseGrain>(id).GetServices();
        return TypedResults.Ok(Narrow(board, ApiActors.Principal(context)));
    }

    /// <summary>A participant's board: its organization's services and every service they depend on, directly or through others.</summary>
    internal static ServiceBoard Narrow(ServiceBoard board, ExercisePrincipal principal)
    {
        if (principal.IsStaff) return board;
        var byId = board.Services.ToDictionary(s => s.Service.Id);
        var seen = new HashSet<string>();
        var next = new Queue<string>(board.Services.Where(s => s.Service.OrganizationId == principal.OrganizationId).Select(s => s.Service.Id));
        while (next.TryDequeue(out var serviceId))
        {
            if (!seen.Add(serviceId) || !byId.TryGetValue(serviceId, out var view)) continue;
            foreach (var dependency in view.Service.DependsOn) next.Enqueue(dependency.ServiceId);
        }
        return board with { Services = [.. board.Services.Where(s => seen.Contains(s.Service.Id))] };
    }

    public static async Task<Results<Ok<ActionReceipt>, ValidationProblem>> SetService(
        string id, string serviceId, ServiceChangeRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = new FieldErrors().Id("serviceId", serviceId).Length("note", request.Note, Limits.TextLength);
        if (request.Status is not (ServiceStatus.Up or ServiceStatus.Degraded or ServiceStatus.Down))
            errors.Add("status", "The field 'status' is required: down, degraded or up (restoring follows from a decision).");
        if (errors.Any) return errors.Problem();
        var receipt = await grains.GetGrain<IExerciseGrain>(id)
            .SetService(ApiActors.Of(context), serviceId, request.Status!.Value, request.Note, IdempotencyKeys.Of(context));
        return TypedResults.Ok(IdempotencyKeys.Answered(context, receipt, receipt.Duplicate));
    }

    public static Task<Results<Ok<ActionReceipt>, ValidationProblem>> Release(
        string id, string injectId, HoldRequest? request, IGrainFactory grains, HttpContext context) =>
        Hold(injectId, request, context, (actor, reason, key) => grains.GetGrain<IExerciseGrain>(id).ReleaseInject(actor, injectId, reason, key));

    public static Task<Results<Ok<ActionReceipt>, ValidationProblem>> Cancel(
        string id, string injectId, HoldRequest? request, IGrainFactory grains, HttpContext context) =>
        Hold(injectId, request, context, (actor, reason, key) => grains.GetGrain<IExerciseGrain>(id).CancelInject(actor, injectId, reason, key));

    /// <summary>Checks the bounds, then releases or cancels as the signed-in controller under the request's key.</summary>
    private static async Task<Results<Ok<ActionReceipt>, ValidationProblem>> Hold(
        string injectId, HoldRequest? request, HttpContext context, Func<Actor, string?, string?, Task<ActionReceipt>> act)
    {
        var errors = new FieldErrors().Id("injectId", injectId).Length("reason", request?.Reason, Limits.HaltReasonLength);
        if (errors.Any) return errors.Problem();
        var receipt = await act(ApiActors.Of(context), request?.Reason, IdempotencyKeys.Of(context));
        return TypedResults.Ok(IdempotencyKeys.Answered(context, receipt, receipt.Duplicate));
    }
}
