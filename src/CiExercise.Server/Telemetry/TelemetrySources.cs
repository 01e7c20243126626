using CiExercise.Grains;
using CiExercise.Server.Realtime;
using CiExercise.Storage.EventLog;

namespace CiExercise.Server.Telemetry;

/// <summary>What the exporters listen to: our own meters and activity sources, and those of what we run on.</summary>
internal static class TelemetrySources
{
    /// <summary>
    /// Ours, Orleans' runtime meter (grain calls, activations, messaging, membership) and Npgsql's pools and commands.
    /// ASP.NET Core's (requests, Kestrel, SignalR connections), HttpClient's and the runtime's come with their instrumentation.
    /// </summary>
    public static readonly string[] Meters = [EngineMetrics.MeterName, RealtimeMetrics.MeterName, EventLogTelemetry.Name, "Microsoft.Orleans", "Npgsql"];

    /// <summary>
    /// Ours (a span per group commit of the event log) and Orleans' grain calls made by application code. Orleans'
    /// runtime source is left out: it traces the silos' own traffic (membership probes, directory), which buries the
    /// exercise's calls.
    /// </summary>
    public static readonly string[] ActivitySources = [EventLogTelemetry.Name, Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName];
}
