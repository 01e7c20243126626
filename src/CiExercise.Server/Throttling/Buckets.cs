using System.Threading.RateLimiting;

namespace CiExercise.Server.Throttling;

/// <summary>The token buckets of the HTTP limits, one per partition (token or client address).</summary>
internal static class Buckets
{
    public static RateLimitPartition<string> Partition(string key, RateLimit limit) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.PerMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>When a refused caller may try again: what the bucket says, else the time one token takes to come back.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease, RateLimit limit) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1) / limit.PerMinute;
}
