using CiExercise.Contracts.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CiExercise.Server.Health;

/// <summary>Ready when the catalog answers a query, which needs the database reachable and its schema migrated.</summary>
internal sealed class StorageHealthCheck(IExerciseCatalog catalog) : IHealthCheck
{
    // Never an exercise id (ids cannot hold '/'), so the lookup always finds nothing, cheaply.
    private const string ProbeId = "health/probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await catalog.GetAsync(ProbeId, cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
