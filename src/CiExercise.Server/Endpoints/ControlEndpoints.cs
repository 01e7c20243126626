using CiExercise.Contracts;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>The control cell's commands: lifecycle, clock, real-world halt and ad-hoc injects.</summary>
public static class ControlEndpoints
{
    public const string NextInject = "next-inject";

    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises/{id}").WithTags("Control")
            .RequireAuthorization(AccessPolicies.ExerciseController)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/start", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, g => g.Start(ApiActors.Of(context)))).WithName("StartExercise");
        api.MapPost("/pause", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, g => g.Pause(ApiActors.Of(context)))).WithName("PauseExercise");
        api.MapPost("/resume", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, g => g.Resume(ApiActors.Of(context)))).WithName("ResumeExercise");
        api.MapPost("/end", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, g => g.End(ApiActors.Of(context)))).WithName("EndExercise");
        api.MapPost("/lift-halt", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, g => g.LiftHalt(ApiActors.Of(context)))).WithName("LiftHalt");
        api.MapPost("/halt", Halt).WithName("HaltExercise");
        api.MapPost("/speed", Speed).WithName("SetSpeed");
        api.MapPost("/jump", Jump).WithName("JumpClock");
        api.MapPost("/injects", FireAdHoc).WithName("FireAdHocInject");
        return app;
    }

    private static async Task<Ok<ExerciseView>> Run(IGrainFactory grains, string id, Func<IExerciseGrain, Task<ExerciseView>> command) =>
        TypedResults.Ok(await command(grains.GetGrain<IExerciseGrain>(id)));

    public static async Task<Results<Ok<ExerciseView>, ValidationProblem>> Halt(
        string id, HaltRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = ActionChecks.HaltReason(request.Reason);
        if (errors.Any) return errors.Problem();
        return await Run(grains, id, g => g.Halt(ApiActors.Of(context), request.Reason!));
    }

    public static async Task<Results<Ok<ExerciseView>, ValidationProblem>> Speed(
        string id, SpeedRequest request, IGrainFactory grains, HttpContext context)
    {
        if (request.Speed is not { } speed) return FieldErrors.Single("speed", "The field 'speed' is required.");
        return await Run(grains, id, g => g.SetSpeed(ApiActors.Of(context), speed));
    }

    public static async Task<Results<Ok<ExerciseView>, ValidationProblem>> Jump(
        string id, JumpRequest request, IGrainFactory grains, HttpContext context)
    {
        var actor = ApiActors.Of(context);
        if (new FieldErrors().Id("phaseId", request.PhaseId) is { Any: true } tooLong) return tooLong.Problem();
        return (request.PhaseId, request.To) switch
        {
            ({ } phaseId, null) when !string.IsNullOrWhiteSpace(phaseId) => await Run(grains, id, g => g.JumpToPhase(actor, phaseId)),
            (null, NextInject) => await Run(grains, id, g => g.JumpToNextInject(actor)),
            (null, { } to) => FieldErrors.Single("to", $"'to' may only be '{NextInject}' (got '{Limits.Quote(to)}'); give 'phaseId' to jump to a phase."),
            _ => FieldErrors.Single("phaseId", $"Give exactly one of 'phaseId' or 'to' = '{NextInject}'."),
        };
    }

    public static async Task<Results<Created<InjectState>, ValidationProblem>> FireAdHoc(
        string id, AdHocInjectRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = ActionChecks.AdHoc(request);
        if (errors.Any) return errors.Problem();
        var state = await grains.GetGrain<IExerciseGrain>(id).FireAdHoc(ApiActors.Of(context), request.ToInject());
        return TypedResults.Created($"/api/exercises/{id}", state);
    }
}
