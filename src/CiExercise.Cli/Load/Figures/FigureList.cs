using CiExercise.Cli.Load.Consoles;

namespace CiExercise.Cli.Load.Figures;

/// <summary>The figures of a run, in the order the table prints them.</summary>
public static class FigureList
{
    private const double Megabyte = 1024 * 1024;

    public static IReadOnlyList<Figure> Of(TargetResult product, TargetResult? baseline, CeilingResult? ceiling)
    {
        var figures = new List<Figure>
        {
            new("consoles", "count", product.Consoles, baseline?.Consoles),
            new("connections held", "count", product.ConnectionsHeld, baseline?.ConnectionsHeld),
        };
        Latency(figures, "STARTEX event after due", m => m.StartexEvent, product, baseline);
        Latency(figures, "STARTEX text on screen after due", m => m.StartexText, product, baseline);
        figures.Add(new("STARTEX never delivered", "consoles", product.StartexNeverDelivered, baseline?.StartexNeverDelivered));
        Latency(figures, "other injects event after due", m => m.OtherEvent, product, baseline);
        Latency(figures, "other injects text on screen after due", m => m.OtherText, product, baseline);
        figures.Add(new("inject texts never shown", "count", product.TextsNeverShown, baseline?.TextsNeverShown));
        Latency(figures, "acknowledgement answered", m => m.Acknowledgement, product, baseline);
        figures.Add(Count("acknowledgement errors", m => m.AcknowledgementErrors, product, baseline));
        Latency(figures, "decision or message answered", m => m.OtherAction, product, baseline);
        Latency(figures, "control command answered during STARTEX", m => m.ControlDuringStartex, product, baseline);
        figures.Add(Count("decision or message errors", m => m.ActionErrors, product, baseline));
        figures.Add(Count("GetExercise calls", m => m.ViewCalls, product, baseline));
        figures.Add(Count("GetExercise calls failing", m => m.ViewFailures, product, baseline));
        var (busiest, mean) = product.DurablePerSecond();
        var (baseBusiest, baseMean) = baseline?.DurablePerSecond() ?? (null, null);
        figures.Add(new("durable actions per second, busiest second", "1/s", busiest, baseBusiest));
        figures.Add(new("durable actions per second, mean", "1/s", mean, baseMean));
        figures.Add(new("raw-insert ceiling of the store", "rows/s", ceiling?.RowsPerSecond, null));
        // The product's own appender on the same rows, with the raw ceiling as its baseline.
        figures.Add(new("event log appender, same rows (vs raw ceiling)", "rows/s", ceiling?.AppenderRowsPerSecond, ceiling?.RowsPerSecond));
        figures.Add(new("server memory before connecting", "MB", product.BeforeConnecting?.Resident / Megabyte, baseline?.BeforeConnecting?.Resident / Megabyte));
        figures.Add(new("server memory, all connected", "MB", product.Connected?.Resident / Megabyte, baseline?.Connected?.Resident / Megabyte));
        figures.Add(new("server memory, peak", "MB", product.AtEnd?.Peak / Megabyte, baseline?.AtEnd?.Peak / Megabyte));
        figures.Add(new("server memory per connection", "KB", product.BytesPerConnection / 1024, baseline?.BytesPerConnection / 1024));
        figures.Add(new("reconnect storm: all caught up", "ms", product.Storm?.TotalMilliseconds, baseline?.Storm?.TotalMilliseconds));
        Latency(figures, "reconnect storm: console caught up", m => m.StormCatchUp, product, baseline);
        figures.Add(Count("reconnects (automatic)", m => m.Reconnects, product, baseline));
        figures.Add(Count("failed connects or subscribes", m => m.ConnectFailures, product, baseline));
        figures.Add(Count("events received", m => m.Events, product, baseline));
        figures.Add(Count("events received twice (dropped by seq)", m => m.WireDuplicates, product, baseline));
        return figures;
    }

    private static void Latency(List<Figure> figures, string name, Func<FleetMetrics, Samples> pick, TargetResult product, TargetResult? baseline)
    {
        foreach (var (label, share) in new[] { ("p50", 0.5), ("p99", 0.99), ("max", 1.0) })
            figures.Add(new($"{name}, {label}", "ms", pick(product.Metrics).Percentile(share), baseline is null ? null : pick(baseline.Metrics).Percentile(share)));
    }

    private static Figure Count(string name, Func<FleetMetrics, long> pick, TargetResult product, TargetResult? baseline) =>
        new(name, "count", pick(product.Metrics), baseline is null ? null : pick(baseline.Metrics));
}
