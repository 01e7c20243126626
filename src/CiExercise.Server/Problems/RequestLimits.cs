using CiExercise.Contracts;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.Metadata;

namespace CiExercise.Server.Problems;

/// <summary>
/// Refuses, before authentication and before any endpoint reads it, a request larger than any endpoint takes:
/// headers over <see cref="Limits.HeaderBytes"/> (Kestrel's own limit is set above this one, so that the
/// refusal is a problem and not Kestrel's bare 431), a body over its endpoint's limit (JSON endpoints
/// <see cref="Limits.JsonBodyBytes"/>; uploads bound their own reading, <see cref="BoundedBody.OwnLimit"/>),
/// and an id in the path longer than any id is.
/// </summary>
internal sealed class RequestLimits(RequestDelegate next)
{
    /// <summary>Kestrel's limit on all headers: twice ours, so that what lies between is answered by this middleware.</summary>
    public const int KestrelHeaderBytes = 2 * Limits.HeaderBytes;

    private static readonly string[] RouteIds = ["id", "orgId", "checkId", "linkId"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HeaderBytes(request) is var headers and > Limits.HeaderBytes)
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"The request's headers hold {headers} bytes; at most {Limits.HeaderBytes} are accepted.");
            return;
        }

        var routeErrors = new FieldErrors();
        foreach (var name in RouteIds)
            if (context.GetRouteValue(name) is string value) routeErrors.Id(name, value);
        if (routeErrors.Any)
        {
            await routeErrors.Problem().ExecuteAsync(context);
            return;
        }

        // No size on the endpoint's metadata: a JSON endpoint. A null size: an upload that reads a bounded body itself.
        var size = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        if ((size is null ? Limits.JsonBodyBytes : size.MaxRequestBodySize) is not { } limit)
        {
            await next(context);
            return;
        }
        if (request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        // A body without a length (chunked) is counted as it is read: past the limit the read fails and the answer is this 413.
        var body = new LimitedBody(request.Body, limit);
        request.Body = body;
        try
        {
            await next(context);
        }
        catch (Exception) when (body.Exceeded && !context.Response.HasStarted)
        {
        }
        finally
        {
            request.Body = body.Inner;
        }

        if (body.Exceeded && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await TooLargeAsync(context, limit);
        }
    }

    private static Task TooLargeAsync(HttpContext context, long limit) =>
        ProblemWriter.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
            $"This endpoint takes a body of at most {limit} bytes{(context.Request.ContentLength is { } length ? $"; this one has {length}" : "")}.");

    /// <summary>Names and values as they travel (name, ": ", value, CRLF), as Kestrel counts them.</summary>
    private static long HeaderBytes(HttpRequest request) =>
        request.Headers.Sum(h => (long)h.Value.Sum(v => h.Key.Length + (v?.Length ?? 0) + 4));
}
