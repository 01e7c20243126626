using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CiExercise.Contracts.Events;
using CiExercise.Storage;
using CiExercise.Storage.Ceiling;
using CiExercise.Storage.Dialects;
using CiExercise.Storage.EventLog;
using CiExercise.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CiExercise.Benchmarks;

/// <summary>
/// How PostgreSqlDialect inserts a group of rows, chosen by measurement: each way writes the same rows of an
/// all-hands inject (851), a storm of 500 decisions, 100 and 10 decisions, each in its own transaction
/// (open, begin, insert, commit), the ways interleaved round by round, median wall time reported. Runs on a
/// scratch database it creates on the server of the admin connection string given, and drops afterwards.
/// </summary>
internal static class PostgreSqlInsertComparison
{
    public const int MaxRounds = 1_000;

    private static readonly string InsertJson = Embedded("event_insert_json.sql");
    private static readonly string InsertUnnest = Embedded("event_insert_unnest.sql");

    private delegate Task Insert(NpgsqlConnection connection, NpgsqlTransaction transaction, string exerciseId, List<EventParameters> rows);

    public static async Task RunAsync(string adminConnectionString, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rounds, MaxRounds);
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString);
        var scratch = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = $"ciex_bench_{Guid.NewGuid():N}" }.ToString();
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = scratch };
        var dialect = options.CreateDialect();
        await new MigrationRunner(dialect, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        try
        {
            await using var database = await ScratchDatabase.CreateAsync(options, CancellationToken.None);
            Insert[] ways = [Copy(dialect), Unnest, Json, Batch(dialect), PerRow(dialect)];
            string[] names = ["binary COPY (dialect)", "unnest arrays", "JSON parameter", "NpgsqlBatch", "one INSERT per row"];
            foreach (var (shape, make) in Shapes())
            {
                var exercises = new string[ways.Length];
                var seqs = new long[ways.Length];
                for (var w = 0; w < ways.Length; w++)
                {
                    exercises[w] = await database.CreateExerciseAsync(CancellationToken.None);
                    seqs[w] = 1;
                }

                var wall = ways.Select(_ => new List<double>()).ToArray();
                for (var round = -3; round < rounds; round++)
                {
                    var events = make(round);
                    for (var w = 0; w < ways.Length; w++)
                    {
                        var first = seqs[w];
                        var rows = events.Select((e, i) => EventParameters.From(exercises[w], first + 1 + i, e, dialect)).ToList();
                        seqs[w] += rows.Count;
                        var clock = Stopwatch.StartNew();
                        await using (var connection = (NpgsqlConnection)await dialect.OpenAsync(CancellationToken.None))
                        await using (var transaction = await connection.BeginTransactionAsync())
                        {
                            await ways[w](connection, transaction, exercises[w], rows);
                            await transaction.CommitAsync();
                        }

                        if (round >= 0) wall[w].Add(clock.Elapsed.TotalMilliseconds);
                    }
                }

                var baseline = Median(wall[0]);
                for (var w = 0; w < ways.Length; w++)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{shape,-22} {names[w],-24} median {Median(wall[w]),7:F2} ms  ({Median(wall[w]) / baseline:F2}x COPY)"));
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            admin.Database ??= "postgres";
            await using var connection = new NpgsqlConnection(admin.ToString());
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(scratch).Database}\" WITH (FORCE)");
        }
    }

    private static IEnumerable<(string Shape, Func<int, IReadOnlyList<NewEvent>> Make)> Shapes()
    {
        const int organizations = 850;
        yield return ("all-hands inject (851)", round => SampleEvents.AllHands($"inject-{round}", organizations, DateTimeOffset.UtcNow));
        yield return ("decision storm (500)", _ => Enumerable.Range(0, 500).Select(i => SampleEvents.Decision(i, organizations, DateTimeOffset.UtcNow)).ToList());
        yield return ("group of 100", _ => Enumerable.Range(0, 100).Select(i => SampleEvents.Decision(i, organizations, DateTimeOffset.UtcNow)).ToList());
        yield return ("small group (10)", _ => Enumerable.Range(0, 10).Select(i => SampleEvents.Decision(i, organizations, DateTimeOffset.UtcNow)).ToList());
    }

    private static Insert Copy(SqlDialect dialect) => (connection, transaction, exerciseId, rows) =>
        dialect.InsertEventsAsync(connection, transaction, exerciseId, rows, CancellationToken.None);

    private static async Task Unnest(NpgsqlConnection connection, NpgsqlTransaction transaction, string exerciseId, List<EventParameters> rows)
    {
        await using var command = new NpgsqlCommand(InsertUnnest, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("ExerciseId", exerciseId));
        command.Parameters.Add(Column("Seqs", rows, row => row.Seq));
        command.Parameters.Add(Column("Kinds", rows, row => row.Kind));
        command.Parameters.Add(Column("WallTimes", rows, row => (long)row.WallTime));
        command.Parameters.Add(Column("ScenarioTicks", rows, row => row.ScenarioTicks));
        command.Parameters.Add(Column("OrgIds", rows, row => row.OrgId));
        command.Parameters.Add(Column("ActorIds", rows, row => row.ActorId));
        command.Parameters.Add(Column("ActorRoles", rows, row => row.ActorRole));
        command.Parameters.Add(Column("ActorOrgs", rows, row => row.ActorOrg));
        command.Parameters.Add(Column("InjectIds", rows, row => row.InjectId));
        command.Parameters.Add(Column("RefSeqs", rows, row => row.RefSeq));
        command.Parameters.Add(Column("Payloads", rows, row => row.Payload));
        command.Parameters.Add(Column("DedupeKeys", rows, row => row.DedupeKey));
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlParameter<T[]> Column<T>(string name, List<EventParameters> rows, Func<EventParameters, T> value) =>
        new(name, rows.Select(value).ToArray());

    private static Task Json(NpgsqlConnection connection, NpgsqlTransaction transaction, string exerciseId, List<EventParameters> rows) =>
        connection.ExecuteAsync(InsertJson, new { ExerciseId = exerciseId, Rows = GroupJson.Rows(rows) }, transaction);

    private static Insert Batch(SqlDialect dialect) => async (connection, transaction, _, rows) =>
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(dialect.Sql.EventInsert);
            foreach (var (name, value) in Values(row)) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    };

    private static Insert PerRow(SqlDialect dialect) => (connection, transaction, _, rows) =>
        connection.ExecuteAsync(dialect.Sql.EventInsert, rows, transaction);

    private static IEnumerable<(string Name, object? Value)> Values(EventParameters row) =>
    [
        ("ExerciseId", row.ExerciseId), ("Seq", row.Seq), ("Kind", row.Kind), ("WallTime", row.WallTime), ("ScenarioTicks", row.ScenarioTicks),
        ("OrgId", row.OrgId), ("ActorId", row.ActorId), ("ActorRole", row.ActorRole), ("ActorOrg", row.ActorOrg),
        ("InjectId", row.InjectId), ("RefSeq", row.RefSeq), ("Payload", row.Payload), ("DedupeKey", row.DedupeKey),
    ];

    private static string Embedded(string name)
    {
        using var stream = typeof(PostgreSqlInsertComparison).Assembly.GetManifestResourceStream($"CiExercise.Benchmarks.Sql.{name}")
                           ?? throw new InvalidOperationException($"Embedded SQL {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
