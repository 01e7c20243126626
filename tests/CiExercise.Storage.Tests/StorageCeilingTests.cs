using CiExercise.Storage.Ceiling;

namespace CiExercise.Storage.Tests;

public abstract class StorageCeilingTests<TDatabase>(TDatabase database) : StorageTestBase<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Measures_both_ways_and_leaves_the_record_as_it_was()
    {
        var catalog = Database.CreateCatalog();
        var before = (await catalog.ListAsync(Cancellation)).Select(e => e.Id).ToList();
        var files = FilesBesideTheDatabase();

        var result = await StorageCeiling.MeasureAsync(Database.Options, rows: 300, rowsPerTransaction: 100, Cancellation);

        Assert.Equal((Database.Options.Provider, 300, 100), (result.Provider, result.Rows, result.RowsPerTransaction));
        Assert.True(double.IsFinite(result.RawRowsPerSecond) && result.RawRowsPerSecond > 0, $"{result}");
        Assert.True(double.IsFinite(result.BatchedRowsPerSecond) && result.BatchedRowsPerSecond > 0, $"{result}");
        Assert.Equal(before, (await catalog.ListAsync(Cancellation)).Select(e => e.Id));
        Assert.Equal(files, FilesBesideTheDatabase());
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(StorageCeiling.MaxRows + 1, 10)]
    [InlineData(10, 0)]
    [InlineData(10, StorageCeiling.MaxRowsPerTransaction + 1)]
    public async Task Out_of_bounds_sizes_are_refused_before_anything_is_written(int rows, int rowsPerTransaction)
    {
        var files = FilesBesideTheDatabase();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => StorageCeiling.MeasureAsync(Database.Options, rows, rowsPerTransaction, Cancellation));

        Assert.Equal(files, FilesBesideTheDatabase());
    }

    /// <summary>
    /// The databases in the data folder (a scratch one would show here). SQLite's own -wal and -shm files come and
    /// go with the last connection of the shared test database, which tests of other classes open meanwhile.
    /// </summary>
    private string[] FilesBesideTheDatabase() =>
        Database.Options.Provider == StorageProvider.Sqlite
            ? Directory.GetFiles(Database.Options.DataDirectory)
                .Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)).Order().ToArray()
            : [];
}

public sealed class SqliteStorageCeilingTests(SqliteTestDatabase database) : StorageCeilingTests<SqliteTestDatabase>(database);

public sealed class SqlServerStorageCeilingTests(SqlServerTestDatabase database) : StorageCeilingTests<SqlServerTestDatabase>(database);

public sealed class PostgreSqlStorageCeilingTests(PostgreSqlTestDatabase database) : StorageCeilingTests<PostgreSqlTestDatabase>(database);
