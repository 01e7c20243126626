using CiExercise.Storage.Migrations;
using CiExercise.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiExercise.Storage.Tests;

/// <summary>A cluster's first start on PostgreSQL: nodes starting together on a database that does not exist yet.</summary>
public sealed class PostgreSqlMigrationTests
{
    [Fact]
    public async Task Nodes_starting_together_create_the_database_and_apply_each_migration_once()
    {
        Assert.SkipWhen(TestPostgreSql.SkipReason is not null, TestPostgreSql.SkipReason ?? "");
        var cancellation = TestContext.Current.CancellationToken;
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = TestPostgreSql.NewDatabase("ciex_migrations") };
        try
        {
            var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Runner(options).ApplyAsync(cancellation))));

            var expected = options.CreateDialect().Migrations.Select(m => m.Version).ToList();
            Assert.Equal(expected, applied.SelectMany(versions => versions).Order());
            Assert.Equal(expected, await Runner(options).AppliedVersionsAsync(cancellation));
        }
        finally
        {
            await TestPostgreSql.DropAsync(options.ConnectionString);
        }
    }

    private static MigrationRunner Runner(StorageOptions options) =>
        new(options.CreateDialect(), TimeProvider.System, NullLogger<MigrationRunner>.Instance);
}
