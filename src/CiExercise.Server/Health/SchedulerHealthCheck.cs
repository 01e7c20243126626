using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CiExercise.Server.Health;

/// <summary>Ready when the Quartz scheduler is started and not in standby, so that wake-ups fire.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("The scheduler is running.")
            : HealthCheckResult.Unhealthy($"The scheduler is {status}.");
    }
}
