using System.Data.Common;
using System.Globalization;
using CiExercise.Storage.EventLog;
using Dapper;
using Npgsql;
using NpgsqlTypes;

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
    // Npgsql wants the text of a COPY to begin with COPY: the file's leading comment stays in the file.
    private readonly string _insertMany = string.Join('\n', SqlScripts.Load("CiExercise.Storage.Sql.PostgreSql.event_insert_many.sql")
        .Split('\n').SkipWhile(line => line.StartsWith("--", StringComparison.Ordinal)));
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

    // The whole group as one binary COPY in the append's transaction: no statement to parse per row and no
    // parameter limit; it measured fastest for the bursts (README "Benchmarks"). A row the table refuses (a NULL
    // payload, a value too long) fails the COPY and with it the transaction, as an INSERT would.
    public override async Task InsertEventsAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<EventParameters> rows, CancellationToken cancellationToken)
    {
        await using var writer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(_insertMany, cancellationToken);
        foreach (var row in rows)
        {
            // The column order of event_insert_many.sql.
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(exerciseId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Seq, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(row.Kind, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync((long)row.WallTime, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(row.ScenarioTicks, NpgsqlDbType.Bigint, cancellationToken);
            await WriteTextAsync(writer, row.OrgId, cancellationToken);
            await WriteTextAsync(writer, row.ActorId, cancellationToken);
            await WriteTextAsync(writer, row.ActorRole, cancellationToken);
            await WriteTextAsync(writer, row.ActorOrg, cancellationToken);
            await WriteTextAsync(writer, row.InjectId, cancellationToken);
            if (row.RefSeq is { } refSeq) await writer.WriteAsync(refSeq, NpgsqlDbType.Bigint, cancellationToken);
            else await writer.WriteNullAsync(cancellationToken);
            await WriteTextAsync(writer, row.Payload, cancellationToken);
            await WriteTextAsync(writer, row.DedupeKey, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
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

    private static Task WriteTextAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
