using System.Diagnostics.Metrics;
using CiExercise.Contracts.Events;

namespace CiExercise.Server.Realtime;

/// <summary>
/// The consoles' side in figures (meter "CiExercise.Realtime"): connections open on this node, events the
/// bridge sent live and how long after their recording, and what the hub replayed. A national exercise opens
/// thousands of connections at once, so they are counted here rather than logged one by one.
/// </summary>
public sealed class RealtimeMetrics : IDisposable
{
    public const string MeterName = "CiExercise.Realtime";

    private readonly Meter _meter = new(MeterName);
    private readonly TimeProvider _time;
    private readonly Counter<long> _sent;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _replayed;
    private readonly Histogram<long> _replaySize;

    public RealtimeMetrics(HubConnections connections, TimeProvider time)
    {
        _time = time;
        _meter.CreateObservableUpDownCounter("ciex.hub.connections", () => connections.Count, "{connection}", "Hub connections open on this node.");
        _sent = _meter.CreateCounter<long>("ciex.hub.events.sent", "{event}", "Events the realtime bridge sent to the groups that see them (one per event).");
        _lag = _meter.CreateHistogram("ciex.hub.delivery.lag", "s",
            "Time from an event's recording (its wall time) to the bridge's send on this node: commit, feed (from another node too) and bridge.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _replayed = _meter.CreateCounter<long>("ciex.hub.events.replayed", "{event}", "Events replayed to subscribing consoles (one per event and console).");
        _replaySize = _meter.CreateHistogram("ciex.hub.replay.size", "{event}", "Events replayed to one console by one subscription (its catch-up).",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 1, 10, 50, 100, 500, 1000, 5000, 10000, 50000] });
    }

    public void Sent(ExerciseEvent e)
    {
        _sent.Add(1);
        _lag.Record(Math.Max(0, (_time.GetUtcNow() - e.WallTime).TotalSeconds));
    }

    public void Replayed(int count) => _replayed.Add(count);

    /// <summary>A subscription's catch-up is over: the events it replayed in all its pages.</summary>
    public void CaughtUp(long replayed) => _replaySize.Record(replayed);

    public void Dispose() => _meter.Dispose();
}
