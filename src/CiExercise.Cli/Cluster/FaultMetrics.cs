using System.Collections.Concurrent;
using CiExercise.Cli.Load.Consoles;
using CiExercise.Client;

namespace CiExercise.Cli.Cluster;

/// <summary>What the consoles of one fault run measured, shared by all of them.</summary>
public sealed class FaultMetrics
{
    /// <summary>Live events from the grain's record to a console on the node hosting the exercise's grain.</summary>
    public Samples SameNodeDelivery { get; } = new();

    /// <summary>Live events from the grain's record to a console on another node (the cross-node realtime path).</summary>
    public Samples CrossNodeDelivery { get; } = new();

    /// <summary>Refused or failed calls by code (the hub's) or exception type, to say what the consoles met.</summary>
    public ConcurrentDictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

    /// <summary>The HTTP port of the node hosting the exercise's grain, for telling cross-node deliveries apart.</summary>
    public int GrainNodePort { get; set; }

    public long ResubscribeRefusals;
    public long NewConnections;
    public long AcknowledgementsAbandoned;

    public void Delivery(TimeSpan latency, bool crossNode) => (crossNode ? CrossNodeDelivery : SameNodeDelivery).Add(latency);

    public void Refused(Exception failure)
    {
        var key = failure is ExerciseHubException hub && hub.Code.Length > 0 ? hub.Code : failure.GetType().Name;
        Refusals.AddOrUpdate(key, 1, (_, n) => n + 1);
    }
}
