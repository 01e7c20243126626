using System.Collections.Concurrent;

namespace CiExercise.Cli.Load.Consoles;

/// <summary>What every console of one target measured, shared by all of them.</summary>
public sealed class FleetMetrics
{
    public Samples StartexEvent { get; } = new();

    /// <summary>The control cell's commands answered while STARTEX reaches every console (the product only).</summary>
    public Samples ControlDuringStartex { get; } = new();
    public Samples StartexText { get; } = new();
    public Samples OtherEvent { get; } = new();
    public Samples OtherText { get; } = new();
    public Samples Acknowledgement { get; } = new();
    public Samples OtherAction { get; } = new();
    public Samples StormCatchUp { get; } = new();

    /// <summary>When each durable (not duplicate) action was answered, to count actions per second.</summary>
    public ConcurrentQueue<DateTimeOffset> Durable { get; } = new();

    /// <summary>The serialized size of each event the consoles received, once per sequence number.</summary>
    public ConcurrentDictionary<long, int> WireBytes { get; } = new();

    /// <summary>Refusals and failures of hub calls, by method and message, to say what went wrong.</summary>
    public ConcurrentDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    public void Failed(string method, Exception error)
    {
        var message = error.Message.Length > 160 ? error.Message[..160] : error.Message;
        Failures.AddOrUpdate($"{method}: {error.GetType().Name}: {message}", 1, (_, n) => n + 1);
    }

    public long Events;
    public long WireDuplicates;
    public long ViewCalls;
    public long ViewFailures;
    public long AcknowledgementErrors;
    public long ActionErrors;
    public long ActionsPending;
    public long ViewsInFlight;
    public long ActionsSkipped;
    public long Reconnects;
    public long ConnectFailures;
    public long Closes;
}
