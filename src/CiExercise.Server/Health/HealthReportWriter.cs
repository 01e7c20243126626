using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CiExercise.Server.Health;

/// <summary>
/// /health/ready as JSON that says which part is down and why, so an operator (or the fault harness) sees "the
/// store is down" rather than a bare "Unhealthy": {"status", "checks": {name: {"status", "description"}}}.
/// Exceptions are not written: their messages may name hosts and databases.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
