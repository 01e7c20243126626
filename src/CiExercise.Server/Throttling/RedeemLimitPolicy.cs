using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CiExercise.Server.Throttling;

/// <summary>
/// Sign-in attempts per client address: a one-time link's token cannot be guessed, but trying costs the
/// server a token check each, and whoever tries should not be able to try at full speed.
/// </summary>
internal sealed class RedeemLimitPolicy(LimitOptions limits, LimitRefusals refusals) : IRateLimiterPolicy<string>
{
    public const string Name = "redeem";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
        new ValueTask(refusals.RefuseAsync(context.HttpContext, LimitRefusals.RedeemAttempts, "sign-in attempts from this address",
            limits.Redeem, Buckets.RetryAfter(context.Lease, limits.Redeem)));

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        Buckets.Partition(LimitRefusals.ClientAddress(httpContext), limits.Redeem);
}
