using System.Data;
using System.Data.Common;
using CiExercise.Storage.EventLog;
using CiExercise.Storage.Migrations;

namespace CiExercise.Storage.Dialects;

/// <summary>
/// Everything that differs between databases, in one place per database (Quartz's delegate-per-dialect):
/// the statements, how a connection is opened and a write transaction begun, and how times are stored.
/// </summary>
internal abstract class SqlDialect(string connectionString, string resourcePrefix)
{
    protected string ConnectionString { get; } = connectionString;

    public SqlStatements Sql { get; } = new(resourcePrefix);

    public IReadOnlyList<Migration> Migrations { get; } = Migration.LoadAll($"{resourcePrefix}.Migrations.");

    public abstract StorageProvider Provider { get; }

    /// <summary>Where the data lives, for logs: never the connection string, which may hold a password.</summary>
    public abstract string Describe();

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A write transaction that takes the write lock at once, so two writers queue instead of deadlocking.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Runs before a migration in its transaction; serializes nodes that start at the same time.</summary>
    public abstract Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Runs once per process before migrations, outside any transaction.</summary>
    public abstract Task PrepareDatabaseAsync(CancellationToken cancellationToken);

    public abstract object ToDbTime(DateTimeOffset value);

    /// <summary>Inserts a group's rows of one exercise, in seq order, in the way that measured fastest on this database.</summary>
    public abstract Task InsertEventsAsync(
        DbConnection connection, DbTransaction transaction, string exerciseId, IReadOnlyList<EventParameters> rows, CancellationToken cancellationToken);

    public abstract bool IsDuplicateKey(DbException error);

    public static DateTimeOffset FromDbTime(object value) => value switch
    {
        DateTimeOffset time => time.ToUniversalTime(),
        long ticks => new DateTimeOffset(ticks, TimeSpan.Zero),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"A stored time of type {value.GetType().Name} cannot be read."),
    };

    protected static async Task<T> OpenedAsync<T>(T connection, CancellationToken cancellationToken)
        where T : DbConnection
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected static IsolationLevel WriteIsolation => IsolationLevel.ReadCommitted;
}
