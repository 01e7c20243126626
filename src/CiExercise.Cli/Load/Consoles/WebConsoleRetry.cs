using Microsoft.AspNetCore.SignalR.Client;

namespace CiExercise.Cli.Load.Consoles;

/// <summary>The web console's reconnect delays (live.ts): 0.5 s doubling to at most 5 s, until the run ends.</summary>
internal sealed class WebConsoleRetry(CancellationToken stop) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        stop.IsCancellationRequested ? null
        : TimeSpan.FromMilliseconds(Math.Min(500 * Math.Pow(2, Math.Min(retryContext.PreviousRetryCount, 10)), 5000));
}
