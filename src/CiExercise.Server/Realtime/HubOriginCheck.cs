using CiExercise.Client.Hub;

namespace CiExercise.Server.Realtime;

/// <summary>
/// Browsers send their page's Origin with a WebSocket or negotiate request and let any site open one, so
/// the hub accepts a browser only from this server's own origin or one listed in Identity:AllowedOrigins.
/// A request with no Origin (a .NET or command-line client) is not a browser's and passes.
/// </summary>
public sealed partial class HubOriginCheck(RequestDelegate next, IConfiguration configuration, ILogger<HubOriginCheck> logger)
{
    private readonly HashSet<string> _allowed = new(
        configuration.GetSection("Identity:AllowedOrigins").Get<string[]>() ?? [], StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(HubRoutes.Exercise)) return next(context);
        var origins = context.Request.Headers.Origin;
        if (origins.Count == 0) return next(context);
        var origin = origins.Count == 1 ? origins[0] ?? "" : "";
        if (_allowed.Contains(origin) || IsOwn(context.Request, origin)) return next(context);

        LogRefused(logger, origin, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static bool IsOwn(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a hub request from origin {Origin} to {Path}")]
    private static partial void LogRefused(ILogger logger, string origin, PathString path);
}
