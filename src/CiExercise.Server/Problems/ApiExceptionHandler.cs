using System.Text.Json;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CiExercise.Server.Problems;

/// <summary>
/// Turns the refusals of the domain and unreadable request bodies into problem details that say what
/// was wrong. Anything else stays a 500 whose details are logged, not sent.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ExerciseRuleException rule => Problem(StatusOf(rule.Kind), TitleOf(rule.Kind), rule.Message, rule.Code),
            ExerciseAlreadyExistsException exists => Problem(StatusCodes.Status409Conflict, "Conflict", exists.Message, "exercise.exists"),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", Describe(bad), "request.unreadable"),
            _ => null,
        };
        if (problem is null) return false;
        context.Response.StatusCode = problem.Status!.Value;
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
        // The service declines when the client accepts no JSON; the refusal must still reach it, not become a 500.
        if (!written)
            await context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
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
