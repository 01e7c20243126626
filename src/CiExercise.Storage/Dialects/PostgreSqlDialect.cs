using System.Data.Common;
using System.Globalization;
using CiExercise.Storage.EventLog;
using Dapper;
using Npgsql;

namespace CiExercise.Storage.Dialects;

/// <summary>
/// PostgreSQL through Npgsql: times as bigint UTC ticks (timestamptz keeps only microseconds), the sequence row
/// locked with FOR UPDATE, migrations under a transaction-level advisory lock, and the database created on
/// first start when the role may.
/// </summary>
internal sealed class PostgreSqlDialect(string connectionString)
    : SqlDialect(connectionString, "CiExercise.Storage.Sql.PostgreSql")
{
    /// <summary>Where CREATE DATABASE runs: the maintenance database every PostgreSQL server has.</summary>
    private const string MaintenanceDatabase = "postgres";

    private readonly string _migrationLock = SqlScripts.Load("CiExercise.Storage.Sql.PostgreSql.migration_lock.sql");
    private readonly string _insertMany = SqlScripts.Load("CiExercise.Storage.Sql.PostgreSql.event_insert_many.sql");
    private readonly string _createDatabase = SqlScripts.Load("CiExercise.Storage.Sql.PostgreSql.database_create.sql");

    public override StorageProvider Provider => StorageProvider.PostgreSql;

    public override string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await OpenedAsync(new NpgsqlConnection(ConnectionString), cancellationToken);

    // Read committed: the sequence row's FOR UPDATE lock is what orders writers to one exercise.
    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(WriteIsolation, cancellationToken);

    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(_migrationLock, transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Creates the configured database when it does not exist yet (connecting to the maintenance database), so a
    /// fresh server needs only a role with CREATEDB. Nodes racing to create it: the losers find it there.
    /// </summary>
    public override async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (string.IsNullOrEmpty(builder.Database) || await ExistsAsync(cancellationToken))
        {
            return;
        }

        var database = builder.Database;
        builder.Database = MaintenanceDatabase;
        await using var maintenance = await OpenedAsync(new NpgsqlConnection(builder.ConnectionString), cancellationToken);
        try
        {
            var create = string.Format(CultureInfo.InvariantCulture, _createDatabase, QuoteIdentifier(database));
            await maintenance.ExecuteAsync(new CommandDefinition(create, cancellationToken: cancellationToken));
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another node created it between the check and here.
        }
    }

    public override object ToDbTime(DateTimeOffset value) => value.UtcTicks;

    // The whole group as one statement with one binary array parameter per column: one round trip, no text to
    // parse and no parameter limit to chunk around (README "Benchmarks" has the figures against the alternatives).
    public override async Task InsertEventsAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<EventParameters> rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_insertMany, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<string>("ExerciseId", exerciseId));
        parameters.Add(Column("Seqs", rows, row => row.Seq));
        parameters.Add(Column("Kinds", rows, row => row.Kind));
        parameters.Add(Column("WallTimes", rows, row => (long)row.WallTime));
        parameters.Add(Column("ScenarioTicks", rows, row => row.ScenarioTicks));
        parameters.Add(Column("OrgIds", rows, row => row.OrgId));
        parameters.Add(Column("ActorIds", rows, row => row.ActorId));
        parameters.Add(Column("ActorRoles", rows, row => row.ActorRole));
        parameters.Add(Column("ActorOrgs", rows, row => row.ActorOrg));
        parameters.Add(Column("InjectIds", rows, row => row.InjectId));
        parameters.Add(Column("RefSeqs", rows, row => row.RefSeq));
        parameters.Add(Column("Payloads", rows, row => row.Payload));
        parameters.Add(Column("DedupeKeys", rows, row => row.DedupeKey));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override bool IsDuplicateKey(DbException error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return true;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    private static NpgsqlParameter<T[]> Column<T>(string name, IReadOnlyList<EventParameters> rows, Func<EventParameters, T> value)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = value(rows[i]);
        return new NpgsqlParameter<T[]>(name, values);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
