namespace CiExercise.Contracts.Cluster;

/// <summary>
/// GET /api/cluster: the silos of the cluster as the membership table lists them, which of them answered (ThisSilo),
/// and with ?exercise= the silo that hosts that exercise's grain now (the fault tests kill that node's process).
/// A single node (Clustered false) lists itself alone.
/// </summary>
public sealed record ClusterView(bool Clustered, string ClusterId, SiloView ThisSilo, IReadOnlyList<SiloView> Silos, ExerciseHost? Exercise);

/// <summary>One silo incarnation: where it listens (silo and gateway port), its generation (start stamp) and its status.</summary>
public sealed record SiloView(
    string Address, int SiloPort, int GatewayPort, int Generation, string Name, string HostName, string Status, DateTimeOffset StartedAt,
    DateTimeOffset LastAliveAt);

/// <summary>The exercise's grain and the silo it is active on (activated by the request if it was not).</summary>
public sealed record ExerciseHost(string ExerciseId, SiloView Silo);
