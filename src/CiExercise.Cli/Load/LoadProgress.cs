using System.Diagnostics;
using CiExercise.Cli.Load.Consoles;

namespace CiExercise.Cli.Load;

/// <summary>A status line on standard error every few seconds while a target is being measured, and one per phase.</summary>
public sealed class LoadProgress : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(3);
    private readonly TextWriter _error;
    private readonly string _target;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile string _phase = "starting";
    private volatile ConsoleFleet? _fleet;

    public LoadProgress(TextWriter error, string target)
    {
        (_error, _target) = (error, target);
        _loop = LoopAsync();
    }

    public void Phase(string phase, ConsoleFleet? fleet = null)
    {
        _phase = phase;
        _fleet = fleet ?? _fleet;
        Write();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            // Ends when the target's measurement ends (DisposeAsync).
            while (await timer.WaitForNextTickAsync(_stop.Token)) Write();
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private void Write()
    {
        var line = $"[{_target} {_clock.Elapsed:mm\\:ss}] {_phase}";
        if (_fleet is { } fleet)
        {
            var m = fleet.Metrics;
            line += $": {fleet.Connected}/{fleet.Consoles.Count} subscribed, {Interlocked.Read(ref m.Events):N0} events, " +
                    $"{m.Durable.Count:N0} durable actions, {Interlocked.Read(ref m.ActionsPending):N0} participants thinking, " +
                    $"{Interlocked.Read(ref m.ViewsInFlight):N0} view reads in flight";
        }
        lock (_error) _error.WriteLine(line);
    }
}
