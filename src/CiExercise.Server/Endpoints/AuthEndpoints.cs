using CiExercise.Server.Identity;
using CiExercise.Server.Throttling;
using CiExercise.Server.Problems;
using CiExercise.Storage.JoinLinks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// Signing in with a link. The console page takes the token from the URL fragment and redeems it: a
/// one-time link is used up and exchanged for a session token of its own (revocable like any link); an
/// ordinary join link is itself the session token until it expires or is revoked.
/// </summary>
public static class AuthEndpoints
{
    public const string RedeemPath = "/api/auth/redeem";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Sign-in");
        api.MapPost("/redeem", Redeem).WithName("RedeemLink").RequireAuthorization(AccessPolicies.Redeem)
            .RequireRateLimiting(RedeemLimitPolicy.Name)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/me", Me).WithName("CurrentPrincipal").RequireAuthorization(AccessPolicies.Signed)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    public static TimeSpan SessionLifetime(IConfiguration configuration) =>
        configuration.GetValue("Identity:SessionLifetime", TimeSpan.FromHours(12));

    public static async Task<Results<Ok<RedeemResult>, ProblemHttpResult>> Redeem(
        HttpContext context, IJoinLinkStore store, JoinLinkService links, TokenChecks checks, TimeProvider time,
        IConfiguration configuration, CancellationToken cancellationToken)
    {
        var principal = ExercisePrincipal.From(context.User)!;
        var link = principal.TokenId is { } tokenId ? await store.GetAsync(tokenId, cancellationToken) : null;
        if (link is null || !link.OneTime)
        {
            // A join link or a provider's token: already a session token.
            var token = context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
            var expires = link?.ExpiresAt ?? DateTimeOffset.FromUnixTimeSeconds(
                long.Parse(context.User.FindFirst("exp")?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture));
            return TypedResults.Ok(new RedeemResult(token, expires, PrincipalView.From(principal)));
        }

        if (!await store.TryUseAsync(link.Id, time.GetUtcNow(), cancellationToken))
            return ApiProblems.Create(StatusCodes.Status409Conflict, "Conflict", "auth.link-used",
                "This one-time sign-in link was already used; ask a controller for a new one.");
        checks.Forget(link.Id);
        var session = await links.IssueAsync(principal with { TokenId = null }, SessionLifetime(configuration),
            $"redeemed {link.Id}", cancellationToken);
        return TypedResults.Ok(new RedeemResult(session.Token, session.Link.ExpiresAt, PrincipalView.From(principal)));
    }

    public static Ok<PrincipalView> Me(HttpContext context) =>
        TypedResults.Ok(PrincipalView.From(ExercisePrincipal.From(context.User)!));
}
