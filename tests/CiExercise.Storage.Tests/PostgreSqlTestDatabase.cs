using CiExercise.TestSupport;

namespace CiExercise.Storage.Tests;

/// <summary>
/// A fresh database per test class on the test PostgreSQL server (<see cref="TestPostgreSql"/>). The migration
/// runner creates it, as a fresh server does; it is dropped after the class. Without CIEX_TEST_POSTGRESQL every
/// PostgreSQL test reports itself skipped.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    public override string? SkipReason => TestPostgreSql.SkipReason;

    public override StorageOptions Options { get; } = new()
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = TestPostgreSql.SkipReason is null ? TestPostgreSql.NewDatabase("ciex_storage") : "",
    };

    public override async ValueTask DisposeAsync()
    {
        if (SkipReason is null) await TestPostgreSql.DropAsync(Options.ConnectionString);
    }
}
