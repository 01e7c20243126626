using System.Globalization;
using CiExercise.Contracts.Ports;
using CiExercise.Storage;
using Microsoft.AspNetCore.Mvc;

namespace CiExercise.Server.Problems;

/// <summary>How a request is refused while the database is away: 503, a Retry-After, and the stable code, over HTTP and on the hub.</summary>
internal static partial class StorageUnavailable
{
    public static Task WriteAsync(HttpContext context, Exception exception)
    {
        var refusal = (StorageUnavailableException)StorageFailures.Classify(exception);
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        Log(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageUnavailable)),
            context.Request.Method, context.Request.Path.Value ?? "", exception.GetType().Name);
        return ProblemWriter.WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service unavailable",
            Detail = refusal.Message,
            Extensions = { ["code"] = StorageUnavailableException.Code, ["retryAfter"] = (int)StorageUnavailableException.RetryAfter.TotalSeconds },
        });
    }

    public static string RetryAfterSeconds { get; } =
        ((int)StorageUnavailableException.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>A warning, not an error with its stack: the database being away is said by the health check and the server's own log of it.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} refused with storage.unavailable: the database did not answer ({Failure})")]
    private static partial void Log(ILogger logger, string method, string path, string failure);
}
