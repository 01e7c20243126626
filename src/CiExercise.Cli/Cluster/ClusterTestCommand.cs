using System.CommandLine;
using System.Globalization;
using CiExercise.Cli.Load;
using CiExercise.Cli.Load.Hosting;
using CiExercise.Storage;

namespace CiExercise.Cli.Cluster;

/// <summary>`ciex cluster-test`: the cluster of server processes behind nginx, each fault done to it, checked against the log, figures printed.</summary>
public static class ClusterTestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new ClusterTestOptions();
        var provider = new Option<StorageProvider>("--provider") { Description = "PostgreSql (a cluster on one database) or Sqlite (one node on its file).", DefaultValueFactory = _ => defaults.Provider };
        var nodes = new Option<int>("--nodes") { Description = $"Server processes (1 to {ClusterTestOptions.MaxNodes}).", DefaultValueFactory = _ => defaults.Nodes };
        var connection = new Option<string?>("--connection-string")
        {
            Description = "PostgreSQL admin connection string (Database=postgres, a role that may create databases); default: CIEX_TEST_POSTGRESQL_FAULTS.",
        };
        var pgCluster = new Option<string?>("--pg-cluster")
        {
            Description = "\"VERSION NAME\" of the PostgreSQL cluster pg_ctlcluster stops and starts for the outages; default: CIEX_TEST_POSTGRESQL_FAULTS_CLUSTER.",
        };
        var faults = new Option<string>("--faults")
        {
            Description = $"Comma-separated faults: {string.Join(", ", Faults.Known)}. Default: every cluster fault (Sqlite: {string.Join(", ", Faults.SingleNode)}).",
        };
        var organizations = new Option<int>("--organizations") { Description = "Organizations in each fault's exercise (4 to 200).", DefaultValueFactory = _ => defaults.Organizations };
        var participants = new Option<int>("--participants") { Description = "Consoles per organization (1 to 8).", DefaultValueFactory = _ => defaults.Participants };
        var serverDll = new Option<string?>("--server-dll") { Description = "The built CiExercise.Server.dll to start (default: the newest in this checkout)." };
        var json = new Option<string?>("--json") { Description = "Also write the figures and verdicts to this JSON file." };
        var keepLogs = new Option<string?>("--keep-logs") { Description = "Copy the nodes' and nginx's logs into this folder at the end." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds any one wait may take (a node ready, recovery, catching up).", DefaultValueFactory = _ => defaults.Timeout.TotalSeconds };
        var command = new Command("cluster-test",
            "Start a cluster of server processes on one PostgreSQL database behind nginx, do each fault to a live exercise " +
            "(kill -9 of a node, a database outage, every console dropped at once) and check against the log that nothing was lost or doubled.")
        {
            provider, nodes, connection, pgCluster, faults, organizations, participants, serverDll, json, keepLogs, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(provider);
            var options = new ClusterTestOptions
            {
                Provider = chosen,
                Nodes = parse.GetValue(nodes),
                ConnectionString = parse.GetValue(connection) ?? Environment.GetEnvironmentVariable("CIEX_TEST_POSTGRESQL_FAULTS"),
                PgCluster = parse.GetValue(pgCluster) ?? Environment.GetEnvironmentVariable("CIEX_TEST_POSTGRESQL_FAULTS_CLUSTER"),
                Faults = parse.GetValue(faults) is { } list
                    ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : chosen == StorageProvider.Sqlite ? Faults.SingleNode : Faults.ClusterFaults,
                Organizations = parse.GetValue(organizations),
                Participants = parse.GetValue(participants),
                ServerDll = parse.GetValue(serverDll),
                JsonPath = parse.GetValue(json),
                KeepLogs = parse.GetValue(keepLogs),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            };
            return await RunAsync(options, output, error, cancellationToken);
        });
        return command;
    }

    /// <summary>0 when every fault held, 2 when a check failed, 1 when the run could not be carried out.</summary>
    public static async Task<int> RunAsync(ClusterTestOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (options.Check() is { } problem)
        {
            await error.WriteLineAsync($"ciex cluster-test: {problem}");
            return 1;
        }
        using var killChildren = cancellationToken.Register(ChildProcesses.KillAll);
        var results = new List<FaultResult>();
        try
        {
            await using var cluster = await FaultCluster.StartAsync(options, error, cancellationToken);
            foreach (var fault in options.Faults) results.Add(await cluster.RunAsync(fault, cancellationToken));
        }
        catch (LoadException failure)
        {
            await error.WriteLineAsync($"ciex cluster-test: {failure.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("ciex cluster-test: stopped: the run was cancelled; child processes are killed and the database started again.");
            return 1;
        }
        ClusterTestReport.WriteTable(output, results);
        if (options.JsonPath is { } path) await ClusterTestReport.WriteJsonAsync(path, results, cancellationToken);
        return results.All(r => r.Holds) ? 0 : 2;
    }
}
