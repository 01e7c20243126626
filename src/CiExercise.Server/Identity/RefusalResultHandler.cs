using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CiExercise.Server.Identity;

/// <summary>
/// Turns the authorization middleware's challenge and forbid into logged problem details (401 and 403),
/// so refusals by policy look and log like the ones endpoints make themselves.
/// </summary>
internal sealed class RefusalResultHandler(AccessRefusals refusals) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The scheme adds WWW-Authenticate; the body says why.
            await context.ChallengeAsync();
            await refusals.Unauthorized(context, AccessRefusals.AuthenticationFailure(context)).ExecuteAsync(context);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var reason = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).FirstOrDefault()
                ?? "the principal may not do this";
            await refusals.Forbidden(context, reason).ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
