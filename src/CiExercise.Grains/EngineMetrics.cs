using System.Diagnostics.Metrics;
using CiExercise.Contracts.Events;

namespace CiExercise.Grains;

/// <summary>
/// Counts of what the engine records, by event kind, for dotnet-counters or an OpenTelemetry exporter
/// (meter "CiExercise.Engine"). Per-action log lines cost more than the actions themselves at national
/// scale, so participants' actions are counted here and logged only at Debug.
/// </summary>
internal static class EngineMetrics
{
    public const string MeterName = "CiExercise.Engine";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Recorded =
        Meter.CreateCounter<long>("ciex.events.recorded", "{event}", "Events appended to the log by the grains (duplicates not counted), by kind.");

    public static void Count(IReadOnlyList<NewEvent> events, IReadOnlyList<AppendResult> results)
    {
        for (var i = 0; i < events.Count; i++)
            if (!results[i].Duplicate) Recorded.Add(1, new KeyValuePair<string, object?>("kind", events[i].Kind.ToString()));
    }
}
