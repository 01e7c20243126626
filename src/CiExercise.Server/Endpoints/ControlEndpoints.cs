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
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey();
        api.MapPost("/start", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, context, new ControlCommand(ControlVerb.Start))).WithName("StartExercise");
        api.MapPost("/pause", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, context, new ControlCommand(ControlVerb.Pause))).WithName("PauseExercise");
        api.MapPost("/resume", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, context, new ControlCommand(ControlVerb.Resume))).WithName("ResumeExercise");
        api.MapPost("/end", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, context, new ControlCommand(ControlVerb.End))).WithName("EndExercise");
        api.MapPost("/lift-halt", (string id, IGrainFactory grains, HttpContext context) =>
            Run(grains, id, context, new ControlCommand(ControlVerb.LiftHalt))).WithName("LiftHalt");
        api.MapPost("/halt", Halt).WithName("HaltExercise");
        api.MapPost("/speed", Speed).WithName("SetSpeed");
        api.MapPost("/jump", Jump).WithName("JumpClock");
        api.MapPost("/injects", FireAdHoc).WithName("FireAdHocInject");
        return app;
    }

    /// <summary>Runs the command under the request's idempotency key; a resend answers the exercise as it is, marked replayed.</summary>
    private static async Task<Ok<ExerciseView>> Run(IGrainFactory grains, string id, HttpContext context, ControlCommand command)
    {
        var answer = await grains.GetGrain<IExerciseGrain>(id).Control(ApiActors.Of(context), command, IdempotencyKeys.Of(context));
        return TypedResults.Ok(IdempotencyKeys.Answered(context, answer.View, answer.Replayed));
    }

    public static async Task<Results<Ok<ExerciseView>, ValidationProblem>> Halt(
        string id, HaltRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = ActionChecks.HaltReason(request.Reason);
        if (errors.Any) return errors.Problem();
        return await Run(grains, id, context, new ControlCommand(ControlVerb.Halt, Reason: request.Reason));
    }

    public static async Task<Results<Ok<ExerciseView>, ValidationProblem>> Speed(
        string id, SpeedRequest request, IGrainFactory grains, HttpContext context)
    {
        if (request.Speed is not { } speed) return FieldErrors.Single("speed", "The field 'speed' is required.");
        return await Run(grains, id, context, new ControlCommand(ControlVerb.SetSpeed, Speed: speed));
    }

    public static async Task<Results<Ok<ExerciseView>, ValidationProblem>> Jump(
        string id, JumpRequest request, IGrainFactory grains, HttpContext context)
    {
        if (new FieldErrors().Id("phaseId", request.PhaseId) is { Any: true } tooLong) return tooLong.Problem();
        return (request.PhaseId, request.To) switch
        {
            ({ } phaseId, null) when !string.IsNullOrWhiteSpace(phaseId) =>
                await Run(grains, id, context, new ControlCommand(ControlVerb.JumpToPhase, PhaseId: phaseId)),
            (null, NextInject) => await Run(grains, id, context, new ControlCommand(ControlVerb.JumpToNextInject)),
            (null, { } to) => FieldErrors.Single("to", $"'to' may only be '{NextInject}' (got '{Limits.Quote(to)}'); give 'phaseId' to jump to a phase."),
            _ => FieldErrors.Single("phaseId", $"Give exactly one of 'phaseId' or 'to' = '{NextInject}'."),
        };
    }

    public static async Task<Results<Created<InjectState>, ValidationProblem>> FireAdHoc(
        string id, AdHocInjectRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = ActionChecks.AdHoc(request);
        if (errors.Any) return errors.Problem();
        var answer = await grains.GetGrain<IExerciseGrain>(id).FireAdHoc(ApiActors.Of(context), request.ToInject(), IdempotencyKeys.Of(context));
        return TypedResults.Created($"/api/exercises/{id}", IdempotencyKeys.Answered(context, answer.Inject, answer.Replayed));
    }
}
