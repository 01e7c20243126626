using Microsoft.AspNetCore.Http.HttpResults;
using CiExercise.Server.Problems;

namespace CiExercise.Server.Identity;

/// <summary>
/// Answers and logs every refusal the same way: a 401 or 403 problem, and a structured warning that says
/// who asked for what and why, never with the token (only the path, never the query string that carries
/// the hub's token).
/// </summary>
public sealed class AccessRefusals(ILogger<AccessRefusals> logger)
{
    public const string AuthFailureItem = "ciex.auth-failure";

    public ProblemHttpResult Unauthorized(HttpContext context, string reason)
    {
        Log(context, reason, StatusCodes.Status401Unauthorized);
        return ApiProblems.Create(StatusCodes.Status401Unauthorized, "Unauthorized", "auth.unauthorized",
            $"Sign in with a valid join link or token: {reason}.");
    }

    public ProblemHttpResult Forbidden(HttpContext context, string reason)
    {
        Log(context, reason, StatusCodes.Status403Forbidden);
        return ApiProblems.Create(StatusCodes.Status403Forbidden, "Forbidden", "auth.forbidden",
            $"Not allowed: {reason}.");
    }

    /// <summary>Why authentication failed, as the token events recorded it (never the token itself).</summary>
    public static string AuthenticationFailure(HttpContext context) =>
        context.Items[AuthFailureItem] as string ?? "no valid bearer token was sent";

    private void Log(HttpContext context, string reason, int status)
    {
        var principal = ExercisePrincipal.From(context.User);
        logger.LogWarning(
            "Refused {Method} {Path} with {StatusCode} for {Kind} {Name} (token exercise {TokenExerciseId}, organization {TokenOrgId}) on exercise {ExerciseId}, organization {OrgId}: {Reason}",
            context.Request.Method, context.Request.Path.Value, status, principal?.Kind.ToString() ?? "anonymous", principal?.Name,
            principal?.ExerciseId, principal?.OrganizationId, context.GetRouteValue("id") as string,
            context.GetRouteValue("orgId") as string, reason);
    }
}
