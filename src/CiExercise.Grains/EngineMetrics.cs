using System.Diagnostics.Metrics;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains;

/// <summary>
/// Counts of what the engine records, by event kind, for dotnet-counters or an OpenTelemetry exporter
/// (meter "CiExercise.Engine"). Per-action log lines cost more than the actions themselves at national
/// scale, so participants' actions are counted here and logged only at Debug. Everything is measured from
/// rows the log has made durable (duplicates not counted), so a retry or a resend never counts twice.
/// </summary>
public static class EngineMetrics
{
    public const string MeterName = "CiExercise.Engine";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Recorded =
        Meter.CreateCounter<long>("ciex.events.recorded", "{event}", "Events appended to the log by the grains (duplicates not counted), by kind.");
    private static readonly Counter<long> Delivered =
        Meter.CreateCounter<long>("ciex.injects.delivered", "{delivery}", "Injects delivered, one per inject and organization.");
    private static readonly Histogram<double> Lateness = Meter.CreateHistogram("ciex.injects.lateness", "s",
        "How long after its due moment each inject fired (late: over Engine:LateAfter, as recorded).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600] });
    private static readonly Counter<long> Acknowledged =
        Meter.CreateCounter<long>("ciex.injects.acknowledged", "{acknowledgement}", "Deliveries acknowledged (first acknowledgement per delivery).");
    private static readonly Histogram<double> AcknowledgementLatency = Meter.CreateHistogram("ciex.injects.acknowledgement.latency", "s",
        "Wall time from an inject's delivery to an organization until its acknowledgement.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600] });

    /// <summary>
    /// Counts what a call appended. <paramref name="deliveredAt"/> tells when the inject an acknowledgement answers
    /// reached the organization (an organization grain knows its inbox); without it acknowledgements are counted
    /// but not timed.
    /// </summary>
    public static void Count(IReadOnlyList<NewEvent> events, IReadOnlyList<AppendResult> results, Func<string, DateTimeOffset?>? deliveredAt = null)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (results[i].Duplicate) continue;
            var e = events[i];
            Recorded.Add(1, new KeyValuePair<string, object?>("kind", e.Kind.ToString()));
            switch (e.Kind)
            {
                case EventKind.InjectDelivered:
                    Delivered.Add(1);
                    break;
                case EventKind.InjectFired:
                    var fired = ScenarioJson.Deserialize<InjectFiredPayload>(e.Payload);
                    Lateness.Record(fired.Lateness.TotalSeconds, new KeyValuePair<string, object?>("late", fired.Late));
                    break;
                case EventKind.InjectAcknowledged:
                    Acknowledged.Add(1);
                    if (e.InjectId is { } injectId && deliveredAt?.Invoke(injectId) is { } at)
                        AcknowledgementLatency.Record(Math.Max(0, (e.WallTime - at).TotalSeconds));
                    break;
            }
        }
    }
}
