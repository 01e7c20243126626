using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Storage.Catalog;
using CiExercise.Storage.Dialects;
using CiExercise.Storage.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiExercise.Storage.Ceiling;

/// <summary>
/// Somewhere to write measurement rows without touching the record. SQLite: a fresh file beside the real
/// one (same disk, same WAL and synchronous=FULL connection), deleted afterwards. SQL Server: the real
/// database (its schema must be there) under scratch exercise ids, whose rows are deleted afterwards.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? _file;
    private readonly List<string> _exercises = [];

    private ScratchDatabase(SqlDialect dialect, string? file)
    {
        Dialect = dialect;
        _file = file;
    }

    public SqlDialect Dialect { get; }

    public static async Task<ScratchDatabase> CreateAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        if (options.Provider != StorageProvider.Sqlite)
        {
            return new ScratchDatabase(options.CreateDialect(), null);
        }

        var file = Path.Combine(DirectoryOf(options), $"ciex-scratch-{Guid.NewGuid():N}.db");
        var dialect = new SqliteDialect(new SqliteConnectionStringBuilder { DataSource = file }.ToString());
        var scratch = new ScratchDatabase(dialect, file);
        try
        {
            await new MigrationRunner(dialect, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
            return scratch;
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new exercise (and its sequence row at seq 1) to append to.</summary>
    public async Task<string> CreateExerciseAsync(CancellationToken cancellationToken)
    {
        var id = $"scratch-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        _exercises.Add(id);
        await new SqlExerciseCatalog(Dialect, NullLogger<SqlExerciseCatalog>.Instance).CreateAsync(
            new ExerciseRecord(id, "storage measurement (scratch)", "scratch", "{}", now),
            new NewEvent(EventKind.ExerciseCreated, now, TimeSpan.Zero, null, Actor.System, null, null, "{}", null),
            cancellationToken);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is null)
        {
            foreach (var id in _exercises)
            {
                await using var connection = await Dialect.OpenAsync(CancellationToken.None);
                await connection.ExecuteAsync(Dialect.Sql.ScratchExerciseDelete, new { ExerciseId = id });
            }

            return;
        }

        // Pooled connections keep the file open; release them before deleting it and its WAL.
        SqliteConnection.ClearPool(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file }.ToString()));
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    private static string DirectoryOf(StorageOptions options)
    {
        var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var directory = string.IsNullOrEmpty(dataSource) || dataSource.StartsWith(':')
            ? Path.GetTempPath()
            : Path.GetDirectoryName(Path.GetFullPath(dataSource));
        return string.IsNullOrEmpty(directory) ? Path.GetTempPath() : directory;
    }
}
