using CiExercise.Server.Identity;
using Orleans.Dashboard;

namespace CiExercise.Server.Telemetry;

/// <summary>
/// The Orleans dashboard (silos, grain activations, calls and their latency) at /dashboard/ when Telemetry:Dashboard
/// is true, for a controller of every exercise only: it reads any grain's state, so it shows every exercise. A browser
/// cannot put the console's bearer token on the dashboard's own requests, so a console opens a dashboard session
/// first: the same token in a cookie that is HttpOnly, SameSite=Strict and sent to /dashboard alone, where
/// authentication reads it (<see cref="TokenOf"/>). Each request is then checked like any other (the stored link,
/// its revocation, its expiry). Off by default: its grain call filter profiles every call of the silo.
/// </summary>
public static class OrleansDashboard
{
    public const string Path = "/dashboard";
    public const string SessionPath = "/api/dashboard/session";
    public const string CookieName = "ciex-dashboard";

    internal static void Add(IServiceCollection services) =>
        // Its live log stream would show log lines the console sinks redact; metrics and grains are what it is for.
        services.AddOrleans(silo => silo.AddDashboard(options => options.HideTrace = true));

    internal static void Map(WebApplication app)
    {
        app.MapOrleansDashboard(Path).RequireAuthorization(AccessPolicies.ControllerOfAll);
        app.MapPost(SessionPath, OpenSession).WithTags("Operations").RequireAuthorization(AccessPolicies.ControllerOfAll);
    }

    /// <summary>The token of a request under /dashboard, from its session cookie; null anywhere else.</summary>
    internal static string? TokenOf(HttpRequest request) =>
        request.Path.StartsWithSegments(Path) && request.Cookies.TryGetValue(CookieName, out var token) && !string.IsNullOrEmpty(token)
            ? token : null;

    /// <summary>Sets the session cookie to the token this request was signed in with, and answers where the dashboard is.</summary>
    private static IResult OpenSession(HttpContext context)
    {
        var token = IdentityExtensions.TokenOf(context)!;
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            Path = Path,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
        });
        return TypedResults.Ok(new DashboardSession($"{Path}/"));
    }

    public sealed record DashboardSession(string Url);
}
