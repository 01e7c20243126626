using System.Diagnostics;
using CiExercise.Cli.Load;
using Npgsql;

namespace CiExercise.Cli.Cluster;

/// <summary>
/// The PostgreSQL server the cluster shares: a database of this run's own on it (the nodes create it on their
/// first start; dropped at the end), and the server itself stopped and started with pg_ctlcluster for the
/// outages. It must be a server nothing else needs while it is down (the tests' own "ciexfaults" cluster).
/// </summary>
public sealed class FaultDatabase(string adminConnectionString, string? pgCluster)
{
    public string Name { get; } = $"ciex_faults_{DateTime.UtcNow:yyyyMMddHHmmss}_{Random.Shared.Next(1000):D3}";

    /// <summary>The nodes' Storage:ConnectionString: the admin's server and role, this run's database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = Name }.ConnectionString;

    public bool CanStop => pgCluster is not null;

    public Task StopAsync(CancellationToken cancellationToken) => ControlAsync("stop", cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => ControlAsync("start", cancellationToken);

    /// <summary>Drops this run's database, closing what still holds it; a failure here is not the run's failure.</summary>
    public async Task<string?> DropAsync(CancellationToken cancellationToken)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }
        catch (NpgsqlException error)
        {
            return $"could not drop database {Name}: {error.Message}";
        }
    }

    /// <summary>pg_ctlcluster VERSION NAME stop|start, as root or through sudo; start waits until the server accepts connections.</summary>
    private async Task ControlAsync(string action, CancellationToken cancellationToken)
    {
        var cluster = pgCluster?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                      ?? throw new LoadException("No PostgreSQL cluster to stop and start was given (--pg-cluster \"15 ciexfaults\").");
        if (cluster.Length != 2) throw new LoadException($"--pg-cluster must be \"VERSION NAME\" such as \"15 ciexfaults\" (got '{pgCluster}').");
        var root = Environment.UserName == "root";
        var info = new ProcessStartInfo(root ? "pg_ctlcluster" : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!root) foreach (var argument in new[] { "-n", "pg_ctlcluster" }) info.ArgumentList.Add(argument);
        foreach (var argument in new[] { cluster[0], cluster[1], action }) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new LoadException("Could not run pg_ctlcluster.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        // Starting a server that runs is what the clean-up does after a fault that did not stop it.
        if (process.ExitCode != 0 && !(action == "start" && (await error + await output).Contains("already running", StringComparison.Ordinal)))
            throw new LoadException($"pg_ctlcluster {pgCluster} {action} exited {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
    }
}
