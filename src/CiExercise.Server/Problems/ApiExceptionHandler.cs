using System.Text.Json;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CiExercise.Server.Problems;

/// <summary>
/// Turns the refusals of the domain and unreadable request bodies into problem details that say what
/// was wrong. A database that is away is a 503 storage.unavailable with Retry-After: nothing was recorded, and the
/// same request (same idempotency key) sent again later is done once. Anything else stays a 500 whose details are
/// logged, not sent.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageFailures.IsUnavailable(exception))
        {
            await StorageUnavailable.WriteAsync(context, exception);
            return true;
        }
        var problem = exception switch
        {
            ExerciseRuleException rule => Problem(StatusOf(rule.Kind), TitleOf(rule.Kind), rule.Message, rule.Code),
            ExerciseAlreadyExistsException exists => Problem(StatusCodes.Status409Conflict, "Conflict", exists.Message, "exercise.exists"),
            // A body too large or of the wrong type has the code of its status; one that does not parse is unreadable.
            BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", Describe(bad),
                bad.StatusCode == StatusCodes.Status400BadRequest ? "request.unreadable" : ProblemWriter.CodeOf(bad.StatusCode)),
            _ => null,
        };
        if (problem is null) return false;
        await ProblemWriter.WriteAsync(context, problem, exception);
        return true;
    }

    private static ProblemDetails Problem(int status, string title, string detail, string code) =>
        new() { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } };

    private static int StatusOf(RuleKind kind) => kind switch
    {
        RuleKind.NotFound => StatusCodes.Status404NotFound,
        RuleKind.Conflict => StatusCodes.Status409Conflict,
        RuleKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(RuleKind kind) => kind switch
    {
        RuleKind.NotFound => "Not found",
        RuleKind.Conflict => "Conflict",
        RuleKind.Unprocessable => "Unprocessable content",
        _ => "Invalid request",
    };

    /// <summary>The JSON reader's message names the member and position; the outer one only the parameter.</summary>
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
}
