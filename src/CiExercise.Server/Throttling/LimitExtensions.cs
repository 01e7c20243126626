using System.Threading.RateLimiting;
using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Throttling;

/// <summary>The limits on what one participant may ask (README "Rates and connections").</summary>
public static class LimitExtensions
{
    public static void AddCiExerciseLimits(this WebApplicationBuilder builder)
    {
        var limits = LimitOptions.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(limits);
        services.AddSingleton<LimitRefusals>();
        services.AddSingleton<ScenarioValidationGate>();
        services.AddSingleton<HubCallLimitFilter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => ApiPartition(context, limits.Api));
            options.OnRejected = (context, _) => new ValueTask(context.HttpContext.RequestServices.GetRequiredService<LimitRefusals>()
                .RefuseAsync(context.HttpContext, LimitRefusals.Requests, "requests with this sign-in", limits.Api,
                    Buckets.RetryAfter(context.Lease, limits.Api)));
            options.AddPolicy<string, RedeemLimitPolicy>(RedeemLimitPolicy.Name);
        });
    }

    /// <summary>After authentication, which names the partition; before authorization, so that refused sign-in attempts count too.</summary>
    public static void UseCiExerciseLimits(this WebApplication app) => app.UseRateLimiter();

    /// <summary>
    /// Signed-in API calls count per token. The hub has its own limits (connections per token, calls per
    /// connection): a long-polling console makes a request per poll. Anonymous requests are refused (401)
    /// or cheap (health, the index), and redeeming has its own limit per address.
    /// </summary>
    private static RateLimitPartition<string> ApiPartition(HttpContext context, RateLimit limit) =>
        context.Request.Path.StartsWithSegments(HubRoutes.Exercise) || ExercisePrincipal.From(context.User) is not { } principal
            ? RateLimitPartition.GetNoLimiter("")
            : Buckets.Partition(LimitKey.Of(principal), limit);
}
