using CiExercise.Storage;

namespace CiExercise.Cli.Cluster;

/// <summary>What one `ciex cluster-test` run does; checked before anything starts.</summary>
public sealed record ClusterTestOptions
{
    public const int MaxNodes = 5;
    public const int MaxOrganizations = 200;

    /// <summary>PostgreSql: a cluster on a shared database; Sqlite: one node on its file (the faults a single node has).</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.PostgreSql;

    public int Nodes { get; init; } = 3;

    /// <summary>PostgreSQL: an admin connection string (Database=postgres; the role may create databases).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>"VERSION NAME" for pg_ctlcluster, for the database outages; that server goes down for everyone on it.</summary>
    public string? PgCluster { get; init; }

    public IReadOnlyList<string> Faults { get; init; } = Cluster.Faults.ClusterFaults;

    public int Organizations { get; init; } = 12;

    /// <summary>Consoles per organization.</summary>
    public int Participants { get; init; } = 2;

    public string? ServerDll { get; init; }

    public string? JsonPath { get; init; }

    /// <summary>Keep the nodes' and nginx's logs in this folder (default: removed with the scratch folder).</summary>
    public string? KeepLogs { get; init; }

    /// <summary>How long any one wait (a node ready, recovery, consoles catching up) may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);

    public string? Check()
    {
        if (Nodes is < 1 or > MaxNodes) return $"--nodes must be 1 to {MaxNodes} (got {Nodes}).";
        if (Organizations is < 4 or > MaxOrganizations) return $"--organizations must be 4 to {MaxOrganizations} (got {Organizations}).";
        if (Participants is < 1 or > 8) return $"--participants must be 1 to 8 (got {Participants}).";
        if (Faults.Count == 0) return "--faults names no fault.";
        if (Faults.FirstOrDefault(f => !Cluster.Faults.Known.Contains(f)) is { } unknown)
            return $"--faults: there is no fault '{unknown}'; the faults are {string.Join(", ", Cluster.Faults.Known)}.";
        if (Provider == StorageProvider.Sqlite && Nodes != 1) return "SQLite runs one node: --provider Sqlite needs --nodes 1.";
        if (Provider == StorageProvider.Sqlite && Faults.Any(f => !Cluster.Faults.SingleNode.Contains(f)))
            return $"SQLite (one node) has only these faults: {string.Join(", ", Cluster.Faults.SingleNode)}.";
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
            return "--connection-string is needed for PostgreSQL (an admin connection string, Database=postgres).";
        if (Faults.Any(Cluster.Faults.StopsDatabase) && string.IsNullOrWhiteSpace(PgCluster))
            return "The database outages need --pg-cluster \"VERSION NAME\" (pg_ctlcluster's arguments) of a server nothing else needs meanwhile.";
        if (Provider == StorageProvider.SqlServer) return "--provider must be PostgreSql or Sqlite (SQL Server cannot be stopped and started from here).";
        if (ServerDll is { } dll && !File.Exists(dll)) return $"--server-dll '{dll}' does not exist.";
        if (Timeout < TimeSpan.FromSeconds(30)) return "--timeout must be at least 30 s.";
        return null;
    }
}
