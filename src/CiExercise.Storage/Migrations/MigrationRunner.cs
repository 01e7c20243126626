using CiExercise.Storage.Dialects;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CiExercise.Storage.Migrations;

/// <summary>
/// Applies the dialect's versioned scripts that are not yet recorded in schema_version, each in its own
/// transaction together with its version row, so a crash never leaves half a migration behind.
/// </summary>
internal sealed class MigrationRunner(SqlDialect dialect, TimeProvider time, ILogger<MigrationRunner> logger)
{
    public async Task<IReadOnlyList<int>> ApplyAsync(CancellationToken cancellationToken)
    {
        await dialect.PrepareDatabaseAsync(cancellationToken);
        var applied = new List<int>();
        foreach (var migration in dialect.Migrations)
        {
            if (await ApplyOneAsync(migration, cancellationToken))
            {
                applied.Add(migration.Version);
            }
        }

        logger.LogInformation(
            "Storage {Provider} at {DataSource}: schema up to date, {Applied} migration(s) applied now",
            dialect.Provider, dialect.Describe(), applied.Count);
        return applied;
    }

    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(dialect.Sql.SchemaVersionEnsure, cancellationToken: cancellationToken));
        var versions = await connection.QueryAsync<int>(new CommandDefinition(dialect.Sql.SchemaVersionList, cancellationToken: cancellationToken));
        return versions.ToList();
    }

    private async Task<bool> ApplyOneAsync(Migration migration, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        await dialect.LockMigrationsAsync(connection, transaction, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(dialect.Sql.SchemaVersionEnsure, transaction: transaction, cancellationToken: cancellationToken));

        // Checked under the lock: another node may have applied it while this one waited.
        var present = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            dialect.Sql.SchemaVersionHas, new { migration.Version }, transaction, cancellationToken: cancellationToken));
        if (present > 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            dialect.Sql.SchemaVersionInsert,
            new { migration.Version, migration.Name, AppliedAt = dialect.ToDbTime(time.GetUtcNow()) },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Version} {MigrationName}", migration.Version, migration.Name);
        return true;
    }
}
