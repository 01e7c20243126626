using System.Text.Json;
using CiExercise.Contracts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace CiExercise.Server.Problems;

/// <summary>
/// Every error the server answers is problem details with a stable "code": the ones endpoints return, the
/// ones the framework answers with a bare status (404 for an unknown route, 405, 415) and the request limits.
/// </summary>
internal static class ProblemWriter
{
    /// <summary>A detail or field message longer than this is cut: it can only be one that quotes input.</summary>
    public const int MaxDetailLength = 1000;

    public static string CodeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "request.invalid",
        StatusCodes.Status401Unauthorized => "auth.unauthorized",
        StatusCodes.Status403Forbidden => "auth.forbidden",
        StatusCodes.Status404NotFound => "route.not-found",
        StatusCodes.Status405MethodNotAllowed => "route.method-not-allowed",
        StatusCodes.Status406NotAcceptable => "request.not-acceptable",
        StatusCodes.Status413PayloadTooLarge => "request.too-large",
        StatusCodes.Status415UnsupportedMediaType => "request.unsupported-media-type",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "request.headers-too-large",
        >= 500 => "server.error",
        _ => "request.refused",
    };

    /// <summary>Gives every problem a code (by its status when nobody chose one) and cuts what could echo a hostile request.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions.TryAdd("code", CodeOf(status));
        problem.Detail = Cut(problem.Detail);
        if (problem is HttpValidationProblemDetails validation)
            foreach (var field in validation.Errors.Keys.ToList())
                validation.Errors[field] = validation.Errors[field].Select(m => Cut(m)!).ToArray();
    }

    /// <summary>A status the framework set without a body (an unknown route, a method the route lacks) as a problem.</summary>
    public static Task WriteStatusAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        return WriteAsync(context.HttpContext, status, DetailOf(context.HttpContext, status));
    }

    public static Task WriteAsync(HttpContext context, int status, string detail, string? code = null) =>
        WriteAsync(context, new ProblemDetails
        {
            Status = status,
            Title = ReasonOf(status),
            Detail = detail,
            Extensions = { ["code"] = code ?? CodeOf(status) },
        });

    /// <summary>Through the problem details service; written directly when it declines (a client that accepts no JSON).</summary>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem, Exception? exception = null)
    {
        context.Response.StatusCode = problem.Status!.Value;
        var written = await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
        if (!written)
            await context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }

    private static string? Cut(string? text) =>
        text is { Length: > MaxDetailLength } ? $"{text[..MaxDetailLength]}… (cut at {MaxDetailLength} characters)" : text;

    private static string ReasonOf(int status) => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason : "Error";

    private static string DetailOf(HttpContext context, int status) => status switch
    {
        StatusCodes.Status404NotFound => $"There is no {context.Request.Method} {Limits.Quote(context.Request.Path.Value)}; GET /api lists what the API offers.",
        StatusCodes.Status405MethodNotAllowed => $"{Limits.Quote(context.Request.Path.Value)} does not take {context.Request.Method}.",
        _ => $"The request was answered {status} {ReasonOf(status)}.",
    };
}
