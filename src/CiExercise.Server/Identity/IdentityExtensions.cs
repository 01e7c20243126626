using CiExercise.Client.Hub;
using CiExercise.Server.Cluster;
using CiExercise.Server.Endpoints;
using CiExercise.Server.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiExercise.Server.Identity;

public static class IdentityExtensions
{
    /// <summary>The default scheme: picks the local or the OpenID Connect scheme by the token's issuer.</summary>
    public const string SelectingScheme = "ciex";
    public const string LocalScheme = JwtBearerDefaults.AuthenticationScheme;
    public const string OidcScheme = "oidc";

    /// <summary>
    /// Bearer tokens signed by this server (join links, sign-in links), checked against join_links on every
    /// request, and optionally those of an enterprise OpenID Connect provider. Browsers cannot set headers
    /// on a WebSocket, so the hub also takes the token from the access_token query parameter, which is why
    /// request URLs of the hub are never logged with their query string.
    /// </summary>
    public static void AddCiExerciseIdentity(this WebApplicationBuilder builder)
    {
        var paths = ServerPaths.Find(builder.Environment);
        var key = SigningKey.Select(builder.Configuration["Identity:SigningKey"],
            paths.Resolve(builder.Configuration["Storage:DataDirectory"], "data"), ClusterSettings.From(builder.Configuration).Enabled);
        var oidc = OidcClaimMapping.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(key);
        // After storage (AddCiExerciseServices), whose migrations run in the StartingAsync before this one.
        if (!key.Known) services.AddHostedService<SharedSigningKey>();
        services.AddSingleton<ITokenIssuer>(sp => new TokenIssuer(key, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RevocationSignal>();
        services.AddKeyedSingleton<Orleans.Providers.IControllable, RevocationCommand>(RevocationSignal.ControlName);
        // The command's type travels as the generic argument of the broadcast; Orleans refuses types it was not told of.
        services.Configure<Orleans.Serialization.Configuration.TypeManifestOptions>(options => options.AddAllowedType(typeof(RevocationCommand)));
        services.AddSingleton<TokenChecks>();
        services.AddSingleton<JoinLinkService>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<AccessRefusals>();
        services.AddSingleton(ConsoleNotice.StandardOutput());
        services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalResultHandler>();
        services.AddHostedService<FirstControllerLink>();

        var authentication = services.AddAuthentication(SelectingScheme)
            .AddPolicyScheme(SelectingScheme, "CiExercise or OpenID Connect", options =>
                options.ForwardDefaultSelector = context => oidc.Enabled && IssuerOf(TokenOf(context)) is { } issuer
                    && issuer != TokenIssuer.Issuer ? OidcScheme : LocalScheme)
            .AddJwtBearer(LocalScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = TokenIssuer.ValidationParameters(key);
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = TakeHubToken,
                    OnAuthenticationFailed = RecordFailure,
                    OnTokenValidated = CheckStoredLink,
                };
            });
        if (oidc.Enabled)
        {
            authentication.AddJwtBearer(OidcScheme, options =>
            {
                options.Authority = oidc.Authority;
                options.Audience = oidc.Audience;
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = TakeHubToken,
                    OnAuthenticationFailed = RecordFailure,
                    OnTokenValidated = context => MapProviderClaims(context, oidc),
                };
            });
        }
        services.AddAuthorization(AccessPolicies.Add);
    }

    private static string? TokenOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return context.Request.Path.StartsWithSegments(HubRoutes.Exercise) && context.Request.Query["access_token"] is { Count: 1 } token
            ? token.ToString() : null;
    }

    private static string? IssuerOf(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var handler = new JsonWebTokenHandler();
        return handler.CanReadToken(token) ? handler.ReadJsonWebToken(token).Issuer : null;
    }

    private static Task TakeHubToken(MessageReceivedContext context)
    {
        if (context.HttpContext.Request.Path.StartsWithSegments(HubRoutes.Exercise)
            && context.Request.Query["access_token"] is { Count: 1 } token)
            context.Token = token;
        return Task.CompletedTask;
    }

    private static Task RecordFailure(AuthenticationFailedContext context)
    {
        // The exception's type, not its message: messages of token validation may quote the token.
        context.HttpContext.Items[AccessRefusals.AuthFailureItem] = context.Exception is Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException
            ? "the token has expired" : $"the token is not valid ({context.Exception.GetType().Name})";
        return Task.CompletedTask;
    }

    private static async Task CheckStoredLink(TokenValidatedContext context)
    {
        var checks = context.HttpContext.RequestServices.GetRequiredService<TokenChecks>();
        var tokenId = context.Principal?.FindFirst(ClaimNames.TokenId)?.Value;
        var redeeming = context.HttpContext.Request.Path.Equals(AuthEndpoints.RedeemPath, StringComparison.OrdinalIgnoreCase);
        var refusal = await checks.RefusalAsync(tokenId, redeeming, context.HttpContext.RequestAborted);
        if (refusal is null && ExercisePrincipal.From(context.Principal!) is null) refusal = "the token's claims do not make a principal";
        if (refusal is null) return;
        context.HttpContext.Items[AccessRefusals.AuthFailureItem] = refusal;
        context.Fail(refusal);
    }

    private static Task MapProviderClaims(TokenValidatedContext context, OidcClaimMapping oidc)
    {
        var (principal, refusal) = oidc.Map(context.Principal!);
        if (principal is not null)
        {
            context.Principal = principal;
            return Task.CompletedTask;
        }
        context.HttpContext.Items[AccessRefusals.AuthFailureItem] = refusal;
        context.Fail(refusal!);
        return Task.CompletedTask;
    }
}
