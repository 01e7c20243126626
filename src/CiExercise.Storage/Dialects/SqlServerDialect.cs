using System.Data.Common;
using CiExercise.Storage.EventLog;
using Dapper;
using Microsoft.Data.SqlClient;

namespace CiExercise.Storage.Dialects;

/// <summary>SQL Server: times as datetimeoffset(7) in UTC, the sequence row locked with UPDLOCK, migrations under an app lock.</summary>
internal sealed class SqlServerDialect(string connectionString)
    : SqlDialect(connectionString, "CiExercise.Storage.Sql.SqlServer")
{
    private readonly string _migrationLock = SqlScripts.Load("CiExercise.Storage.Sql.SqlServer.migration_lock.sql");
    private readonly string _insertMany = SqlScripts.Load("CiExercise.Storage.Sql.SqlServer.event_insert_many.sql");

    public override StorageProvider Provider => StorageProvider.SqlServer;

    public override string Describe()
    {
        var builder = new SqlConnectionStringBuilder(ConnectionString);
        return $"{builder.DataSource}/{builder.InitialCatalog}";
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await OpenedAsync(new SqlConnection(ConnectionString), cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(WriteIsolation, cancellationToken);

    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(_migrationLock, transaction: transaction, cancellationToken: cancellationToken));

    // The database itself is created by the DBA (or the container); nothing to prepare per process.
    public override Task PrepareDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override object ToDbTime(DateTimeOffset value) => value.ToUniversalTime();

    // The whole group as one JSON parameter: one round trip to the server instead of one per row, and no
    // 2,100-parameter limit to chunk around.
    public override Task InsertEventsAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<EventParameters> rows, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            _insertMany, new { ExerciseId = exerciseId, Rows = GroupJson.Rows(rows) }, transaction, cancellationToken: cancellationToken));

    // 2627: primary key or unique constraint; 2601: unique index.
    public override bool IsDuplicateKey(DbException error) => error is SqlException { Number: 2627 or 2601 };
}
