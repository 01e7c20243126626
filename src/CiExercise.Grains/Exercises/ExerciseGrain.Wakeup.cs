using CiExercise.Contracts.Exercises;
using Microsoft.Extensions.Logging;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// The next wake-up of the timeline. Quartz holds it durably; when asking Quartz fails (its database busy or
/// away), the change that led here is already in the log, so it is not answered with an error: a grain timer
/// retries with a bounded backoff and, if Quartz is still away when the next inject falls due, fires it itself.
/// The timer keeps the activation alive until then; it dies with the node, and the recovery sweep and the
/// next activation (which fires what is overdue) cover that.
/// </summary>
public sealed partial class ExerciseGrain
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private DateTimeOffset? _wakeupAt;
    // Whether _wakeupAt is what Quartz holds; false after a failed call, so the next call asks again.
    private bool _wakeupKnown = true;
    private int _wakeupFailures;
    private IGrainTimer? _fallback;

    /// <summary>
    /// After a recorded change: fires what it made due and asks for the next wake-up. The change is durable,
    /// so a failure here is the timeline's to retry, not the caller's error.
    /// </summary>
    private async Task FireDueAfterChange()
    {
        try
        {
            await FireDueCore(CancellationToken.None);
        }
        catch (Exception error)
        {
            LogFireFailed(logger, error, Id);
            ArmFallback(null);
        }
    }

    private async Task ScheduleNextWakeup(CancellationToken cancellationToken)
    {
        var state = State;
        var now = time.GetUtcNow();
        var next = state.Status == ExerciseStatus.Running ? NextMoment(state.Clock.ScenarioAt(now)) : null;
        var at = next is { } moment ? state.Clock.ExpectedAt(moment.At, now) : null;
        if (_wakeupKnown && at == _wakeupAt) return;
        try
        {
            if (at is { } dueAt) await wakeups.ScheduleAsync(Id, dueAt, cancellationToken);
            else await wakeups.CancelAsync(Id, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            _wakeupKnown = false;
            LogWakeupFailed(logger, error, Id, at);
            ArmFallback(at);
            return;
        }

        _wakeupAt = at;
        _wakeupKnown = true;
        _wakeupFailures = 0;
        _fallback?.Dispose();
        _fallback = null;
    }

    /// <summary>
    /// A one-shot timer at the next retry (1 s, doubling to 30 s) or at <paramref name="dueAt"/>, whichever comes
    /// first. Its turn fires what is due and asks Quartz again, which re-arms it if Quartz is still away.
    /// </summary>
    private void ArmFallback(DateTimeOffset? dueAt)
    {
        var retryIn = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(_wakeupFailures, 5)));
        _wakeupFailures++;
        var wait = dueAt is { } at && at - time.GetUtcNow() < retryIn ? at - time.GetUtcNow() : retryIn;
        _fallback?.Dispose();
        _fallback = this.RegisterGrainTimer(FireDueAfterChange,
            new GrainTimerCreationOptions(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exercise {ExerciseId}: the scheduler did not take the wake-up at {DueAt}; a grain timer retries and fires what falls due meanwhile")]
    private static partial void LogWakeupFailed(ILogger logger, Exception error, string exerciseId, DateTimeOffset? dueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exercise {ExerciseId}: firing due injects failed after a recorded change; a grain timer retries")]
    private static partial void LogFireFailed(ILogger logger, Exception error, string exerciseId);
}
