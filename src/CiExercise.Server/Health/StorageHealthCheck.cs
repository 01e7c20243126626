using CiExercise.Contracts.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CiExercise.Server.Health;

/// <summary>
/// Ready when the catalog answers a query, which needs the database reachable and its schema migrated. Bounded in
/// time: a database host that drops packets would otherwise hold the probe for the driver's whole connect timeout,
/// and a load balancer's probe gives up before that.
/// </summary>
internal sealed class StorageHealthCheck(IExerciseCatalog catalog) : IHealthCheck
{
    // Never an exercise id (ids cannot hold '/'), so the lookup always finds nothing, cheaply.
    private const string ProbeId = "health/probe";

    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await catalog.GetAsync(ProbeId, limit.Token).WaitAsync(limit.Token);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: no answer within {Limit.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: {ex.GetType().Name}.", ex);
        }
    }
}
