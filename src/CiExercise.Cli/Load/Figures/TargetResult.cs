using CiExercise.Cli.Load.Consoles;
using CiExercise.Cli.Load.Hosting;

namespace CiExercise.Cli.Load.Figures;

/// <summary>What one target (the product or the bare hub) did in the run.</summary>
public sealed record TargetResult(
    string Name,
    int Consoles,
    int ConnectionsHeld,
    FleetMetrics Metrics,
    ProcessMemory? BeforeConnecting,
    ProcessMemory? Connected,
    ProcessMemory? AtEnd,
    TimeSpan? Storm,
    int StartexNeverDelivered,
    int TextsNeverShown,
    ExactlyOnce? ExactlyOnce)
{
    /// <summary>Durable actions in the busiest second, and on average from the first to the last.</summary>
    public (double? Busiest, double? Mean) DurablePerSecond()
    {
        var times = Metrics.Durable.OrderBy(t => t).ToArray();
        if (times.Length == 0) return (null, null);
        var busiest = 0;
        for (int first = 0, last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] > TimeSpan.FromSeconds(1)) first++;
            busiest = Math.Max(busiest, last - first + 1);
        }
        var span = (times[^1] - times[0]).TotalSeconds;
        return (busiest, span > 0 ? times.Length / span : null);
    }

    /// <summary>Memory each held connection added: resident after connecting minus before, per connection.</summary>
    public double? BytesPerConnection =>
        BeforeConnecting is { } before && Connected is { } after && ConnectionsHeld > 0
            ? (double)(after.Resident - before.Resident) / ConnectionsHeld : null;
}
