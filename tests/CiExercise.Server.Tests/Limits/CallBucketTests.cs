using CiExercise.Server.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace CiExercise.Server.Tests.Limits;

/// <summary>The hub's per-connection bucket on the server's clock: a burst, then a steady refill, never more than the burst.</summary>
public sealed class CallBucketTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-10T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_burst_is_allowed_then_calls_come_back_at_the_rate()
    {
        var bucket = new CallBucket(new RateLimit { Burst = 3, PerMinute = 60 }, _time);

        Assert.True(Enumerable.Range(0, 3).All(i => bucket.TryTake(out _)));
        Assert.False(bucket.TryTake(out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bucket.TryTake(out _));
        Assert.False(bucket.TryTake(out _));
    }

    [Fact]
    public void A_long_quiet_time_refills_no_more_than_the_burst()
    {
        var bucket = new CallBucket(new RateLimit { Burst = 2, PerMinute = 60 }, _time);
        Assert.True(bucket.TryTake(out _));

        _time.Advance(TimeSpan.FromHours(1));

        Assert.True(bucket.TryTake(out _));
        Assert.True(bucket.TryTake(out _));
        Assert.False(bucket.TryTake(out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }
}
