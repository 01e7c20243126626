using Microsoft.Data.Sqlite;

namespace CiExercise.Storage.Tests;

/// <summary>A fresh SQLite file in the temp folder, deleted (with its WAL files) after the class.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ciex-storage-tests", Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Options = new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            DataDirectory = _directory,
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "test.db") }.ToString(),
        };
    }

    public override string? SkipReason => null;

    public override StorageOptions Options { get; }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
