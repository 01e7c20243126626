namespace CiExercise.Server.Throttling;

/// <summary>
/// A token bucket on the server's clock: Burst calls at once, refilled continuously at PerMinute a minute.
/// One per hub connection, kept in the connection's items, so it costs no timer: it refills when asked.
/// </summary>
public sealed class CallBucket(RateLimit limit, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = limit.Burst;
    private DateTimeOffset _filledAt = time.GetUtcNow();

    /// <summary>Takes a call's token, or says how long until one is back.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var elapsed = now - _filledAt;
            if (elapsed > TimeSpan.Zero) _tokens = Math.Min(limit.Burst, _tokens + (double)elapsed.Ticks * limit.PerMinute / TimeSpan.TicksPerMinute);
            _filledAt = now;
            if (_tokens >= 1)
            {
                _tokens--;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = TimeSpan.FromTicks((long)Math.Ceiling((1 - _tokens) * TimeSpan.TicksPerMinute / limit.PerMinute));
            return false;
        }
    }
}
