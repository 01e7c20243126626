using Microsoft.Net.Http.Headers;

namespace CiExercise.Server.Hosting;

/// <summary>
/// Headers that keep a page of the consoles from being framed, sniffed or made to run someone else's
/// script: the consoles are one page of bundled scripts and styles from this server (no inline script, no
/// CDN), a same-origin service worker, and the hub's WebSocket on the same origin ('self' covers ws: and
/// wss: there). API answers are data, never a page: they allow nothing at all. Set when the response
/// starts, so that error pages made after a handler cleared the response get them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The Orleans dashboard (Telemetry:Dashboard, controllers of every exercise only) is Orleans' page, not ours: it sets
    /// style attributes and embeds its fonts as data. Scripts stay this server's own.
    /// </summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] ApiPrefixes = ["/api", "/health", "/openapi", "/hubs"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var policy = ApiPrefixes.Any(p => path.StartsWithSegments(p)) ? ApiPolicy
            : path.StartsWithSegments(Telemetry.OrleansDashboard.Path) ? DashboardPolicy
            : ConsolePolicy;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = policy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
