using CiExercise.Cli.Load.Consoles;

namespace CiExercise.Cli.Load;

/// <summary>The phases both targets go through the same way: connect, play (with the storm half-way), settle, see the end.</summary>
internal static class Playing
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    public static async Task ConnectAsync(ConsoleFleet fleet, LoadOptions options, LoadProgress progress, List<string> notes, string target, CancellationToken cancellationToken)
    {
        progress.Phase("connecting consoles", fleet);
        using var limit = Limit(options, cancellationToken);
        try
        {
            await fleet.ConnectAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            notes.Add($"{target}: only {fleet.Connected} of {fleet.Consoles.Count} consoles connected within {options.Timeout.TotalSeconds} s");
        }
    }

    /// <summary>From STARTEX to the end of the scripted play; returns how long the storm took until every console had caught up.</summary>
    public static async Task<TimeSpan?> PlayAsync(ConsoleFleet fleet, DateTimeOffset start, LoadOptions options, LoadProgress progress,
        List<string> notes, string target, CancellationToken cancellationToken)
    {
        progress.Phase("playing");
        TimeSpan? storm = null;
        if (options.Storm)
        {
            await DelayUntil(start + options.Duration / 2, cancellationToken);
            progress.Phase("reconnect storm: every console dropped at once");
            using var limit = Limit(options, cancellationToken);
            try
            {
                var droppedAt = await fleet.StormAsync(limit.Token);
                storm = DateTimeOffset.UtcNow - droppedAt;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                notes.Add($"{target}: the reconnect storm had not caught up within {options.Timeout.TotalSeconds} s");
            }
            progress.Phase("playing");
        }
        await DelayUntil(start + options.Duration, cancellationToken);
        progress.Phase("waiting for participants and screens to settle");
        if (!await UntilAsync(Settled(fleet), options.Timeout, cancellationToken))
            notes.Add($"{target}: participants or view reads were still busy {options.Timeout.TotalSeconds} s after the play");
        return storm;
    }

    public static async Task SeeTheEndAsync(ConsoleFleet fleet, LoadOptions options, LoadProgress progress, List<string> notes, string target, CancellationToken cancellationToken)
    {
        progress.Phase("waiting for every console to see ExerciseEnded");
        if (!await UntilAsync(() => fleet.Consoles.All(c => c.EndedSeq > 0), options.Timeout, cancellationToken))
            notes.Add($"{target}: {fleet.Consoles.Count(c => c.EndedSeq == 0)} consoles had not seen ExerciseEnded after {options.Timeout.TotalSeconds} s");
    }

    /// <summary>No participant thinking or acting, no view read in flight, and no event for a moment.</summary>
    private static Func<bool> Settled(ConsoleFleet fleet)
    {
        var events = -1L;
        var since = DateTimeOffset.UtcNow;
        return () =>
        {
            var m = fleet.Metrics;
            var now = Interlocked.Read(ref m.Events);
            if (now != events) (events, since) = (now, DateTimeOffset.UtcNow);
            return Interlocked.Read(ref m.ActionsPending) == 0 && Interlocked.Read(ref m.ViewsInFlight) == 0
                   && DateTimeOffset.UtcNow - since >= Quiet;
        };
    }

    /// <summary>Polls done until it holds or timeout passes (false then).</summary>
    private static async Task<bool> UntilAsync(Func<bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!done())
        {
            if (DateTimeOffset.UtcNow >= until) return false;
            await Task.Delay(Poll, cancellationToken);
        }
        return true;
    }

    private static Task DelayUntil(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

    private static CancellationTokenSource Limit(LoadOptions options, CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Timeout);
        return limit;
    }
}
