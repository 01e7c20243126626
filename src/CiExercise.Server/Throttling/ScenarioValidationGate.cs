using System.Threading.RateLimiting;

namespace CiExercise.Server.Throttling;

/// <summary>
/// Parsing a large scenario file takes a core for seconds: a few validate at once, a few more wait their
/// turn, and the rest are refused at once, so that uploads cannot starve the exercise (or the health checks)
/// of CPU. A turn is taken before the body is read, so waiting uploads hold no memory either.
/// </summary>
public sealed class ScenarioValidationGate(LimitOptions limits) : IDisposable
{
    /// <summary>How soon a refused upload may try again: a validation takes seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = limits.ScenarioValidation.Concurrent,
        QueueLimit = limits.ScenarioValidation.Queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public ConcurrencyLimit Limit => limits.ScenarioValidation;

    /// <summary>A turn (dispose it when done), or a lease that is not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    /// <summary>Validations running and waiting now.</summary>
    public (int Running, int Waiting) Load
    {
        get
        {
            var statistics = _limiter.GetStatistics()!;
            return (Limit.Concurrent - (int)statistics.CurrentAvailablePermits, (int)statistics.CurrentQueuedCount);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
