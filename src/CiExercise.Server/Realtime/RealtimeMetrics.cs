using System.Diagnostics.Metrics;

namespace CiExercise.Server.Realtime;

/// <summary>
/// The consoles' side in figures (meter "CiExercise.Realtime"): connections open on this node, events the
/// bridge sent live and the hub replayed. A national exercise opens thousands of connections at once,
/// so they are counted here rather than logged one by one.
/// </summary>
public sealed class RealtimeMetrics : IDisposable
{
    public const string MeterName = "CiExercise.Realtime";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _sent;
    private readonly Counter<long> _replayed;

    public RealtimeMetrics(HubConnections connections)
    {
        _meter.CreateObservableUpDownCounter("ciex.hub.connections", () => connections.Count, "{connection}", "Hub connections open on this node.");
        _sent = _meter.CreateCounter<long>("ciex.hub.events.sent", "{event}", "Events the realtime bridge sent to the groups that see them (one per event).");
        _replayed = _meter.CreateCounter<long>("ciex.hub.events.replayed", "{event}", "Events replayed to subscribing consoles (one per event and console).");
    }

    public void Sent() => _sent.Add(1);

    public void Replayed(int count) => _replayed.Add(count);

    public void Dispose() => _meter.Dispose();
}
