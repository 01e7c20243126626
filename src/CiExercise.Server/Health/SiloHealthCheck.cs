using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CiExercise.Server.Health;

/// <summary>Ready when the silo in this process is active, that is, accepts grain calls.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active.")
            : HealthCheckResult.Unhealthy($"The silo is {silo.CurrentStatus}."));
}
