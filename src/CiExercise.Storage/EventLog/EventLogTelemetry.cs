using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CiExercise.Storage.EventLog;

/// <summary>
/// The event log writer in figures (meter "CiExercise.Storage") and one span per group commit (activity source of
/// the same name, so the store shows in traces whichever database it is). Durability is paid per group, so what an
/// operator watches is how full the groups are, how long the queue in front of the writer is, and how long a caller
/// waits for "recorded": the queue filling up is the first sign that the database no longer keeps up.
/// </summary>
public sealed class EventLogTelemetry : IDisposable
{
    public const string Name = "CiExercise.Storage";

    private static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter = new(Name);
    private readonly Histogram<int> _groupRows;
    private readonly Histogram<int> _groupAppends;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<double> _appendDuration;

    internal EventLogTelemetry(Func<int> queueDepth)
    {
        _meter.CreateObservableGauge("ciex.eventlog.queue.depth", queueDepth, "{append}",
            "Appends waiting in the writer's queue on this node (bounded by Storage:QueueCapacity).");
        _groupRows = _meter.CreateHistogram("ciex.eventlog.group.rows", "{row}", "Rows written per group commit.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000] });
        _groupAppends = _meter.CreateHistogram("ciex.eventlog.group.appends", "{append}", "Appends (callers) answered per group commit.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] });
        _commitDuration = _meter.CreateHistogram("ciex.eventlog.commit.duration", "s", "Time to write and commit one group.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Seconds });
        _appendDuration = _meter.CreateHistogram("ciex.eventlog.append.duration", "s",
            "Time from an append's arrival to its durable answer (queue wait and commit): what every recorded action waits.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Seconds });
    }

    private static readonly double[] Seconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    internal static Activity? StartCommit(int appends, int rows) =>
        Source.StartActivity("eventlog.commit", ActivityKind.Internal, parentContext: default,
            [new("ciex.eventlog.appends", appends), new("ciex.eventlog.rows", rows)]);

    internal void Committed(int appends, int rows, TimeSpan elapsed)
    {
        _groupRows.Record(rows);
        _groupAppends.Record(appends);
        _commitDuration.Record(elapsed.TotalSeconds);
    }

    internal void Answered(TimeSpan elapsed) => _appendDuration.Record(elapsed.TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
