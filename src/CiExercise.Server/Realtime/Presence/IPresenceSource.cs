namespace CiExercise.Server.Realtime.Presence;

/// <summary>
/// The consoles connected to exercises, as counted on this node. On a cluster (ROADMAP, issue 10) an
/// implementation sums every node's counts; the endpoint, the hub and the publisher only see this interface.
/// </summary>
public interface IPresenceSource
{
    /// <summary>The exercises whose counts changed after version, and the version to ask with next time.</summary>
    (IReadOnlyCollection<string> Exercises, long Version) ChangedSince(long version);

    Task<PresenceCounts> ReadAsync(string exerciseId, CancellationToken cancellationToken);
}

/// <summary>Consoles per organization (with the distinct names signed in), and staff consoles by kind.</summary>
public sealed record PresenceCounts(
    IReadOnlyDictionary<string, OrganizationCount> Organizations, int Controllers, int Evaluators, int Observers)
{
    public static PresenceCounts None { get; } = new(new Dictionary<string, OrganizationCount>(), 0, 0, 0);
}

public sealed record OrganizationCount(int Connections, IReadOnlyList<string> Names);
