using System.Data.Common;
using CiExercise.Storage.EventLog;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CiExercise.Storage.Dialects;

/// <summary>SQLite: times as INTEGER UTC ticks, WAL, synchronous=FULL, BEGIN IMMEDIATE for every write.</summary>
internal sealed class SqliteDialect(string connectionString)
    : SqlDialect(connectionString, "CiExercise.Storage.Sql.Sqlite")
{
    private readonly string _prepareConnection = SqlScripts.Load("CiExercise.Storage.Sql.Sqlite.connection_prepare.sql");
    private readonly string _prepareDatabase = SqlScripts.Load("CiExercise.Storage.Sql.Sqlite.database_prepare.sql");

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string Describe() => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenedAsync(new SqliteConnection(ConnectionString), cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(_prepareConnection, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // deferred:false is BEGIN IMMEDIATE: the write lock is taken now, so two writers on one file wait
        // in turn (busy_timeout) instead of both reading and then failing to upgrade their locks.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        return Task.FromResult(transaction);
    }

    // BEGIN IMMEDIATE already excludes every other writer, including other processes.
    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var file = Path.GetFullPath(builder.DataSource);
            var directory = Path.GetDirectoryName(file);
            if (!string.IsNullOrEmpty(directory)) PrivateFiles.CreateDirectory(directory);
            // Created here, readable by the server's user only: SQLite gives its -wal and -shm files the database's mode.
            PrivateFiles.CreateFile(file);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(_prepareDatabase, cancellationToken: cancellationToken));
    }

    public override object ToDbTime(DateTimeOffset value) => value.UtcTicks;

    // One prepared INSERT executed per row: in process there is no round trip to save, and SQLite binding
    // parameters beats it parsing the group as JSON (EventAppendBenchmarks, README "Benchmarks").
    public override Task InsertEventsAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<EventParameters> rows, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Sql.EventInsert, rows, transaction, cancellationToken: cancellationToken));

    // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067).
    public override bool IsDuplicateKey(DbException error) =>
        error is SqliteException { SqliteExtendedErrorCode: 1555 or 2067 };
}
