using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>A Serilog sink the server picks up from its services (ReadFrom.Services): every event it logs, for assertions.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: { } v } ? v.ToString() : null;

    /// <summary>The refusals logged for a path (the access warnings carry Path and Reason).</summary>
    public IReadOnlyList<LogEvent> RefusalsOf(string path) =>
        Events.Where(e => e.Level == LogEventLevel.Warning && Text(e, "Path") == path && Text(e, "Reason") is not null).ToList();
}
