using System.Data.Common;
using Dapper;

namespace CiExercise.Storage.Tests;

/// <summary>Another writer holding an exercise's sequence row (and, in SQLite, the whole database) locked.</summary>
internal sealed class WriteLock(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public static async Task<WriteLock> HoldAsync(TestDatabase database, string exerciseId, CancellationToken cancellationToken)
    {
        var dialect = database.Options.CreateDialect();
        var connection = await dialect.OpenAsync(cancellationToken);
        var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            dialect.Sql.SequenceLock, new { ExerciseId = exerciseId }, transaction, cancellationToken: cancellationToken));
        return new WriteLock(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
