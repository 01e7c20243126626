using System.Data.Common;
using CiExercise.Contracts.Improvement;
using CiExercise.Contracts.Ports;
using CiExercise.Storage.Dialects;
using Dapper;

namespace CiExercise.Storage.CorrectiveActions;

/// <summary>
/// The improvement plan through Dapper, one statement file per operation and dialect. Every add and update
/// writes the row and a copy of it into the history in one transaction, so the history is never behind.
/// </summary>
public sealed class SqlCorrectiveActionStore : ICorrectiveActionStore
{
    private readonly SqlDialect _dialect;

    internal SqlCorrectiveActionStore(SqlDialect dialect) => _dialect = dialect;

    public async Task<CorrectiveAction> AddAsync(CorrectiveAction action, string? requestKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (requestKey is not null && await FindAsync(requestKey, cancellationToken) is { } earlier) return earlier;
        var added = action with { Version = 1 };
        try
        {
            await using var connection = await _dialect.OpenAsync(cancellationToken);
            await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(_dialect.Sql.CorrectiveActionInsert,
                CorrectiveActionRow.Parameters(added, _dialect, requestKey), transaction, cancellationToken: cancellationToken));
            await KeepVersionAsync(connection, transaction, added.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return added;
        }
        catch (DbException error) when (requestKey is not null && _dialect.IsDuplicateKey(error))
        {
            // A retry that raced the first request: the row under the key is the answer (ids are new GUIDs).
            return await FindAsync(requestKey, cancellationToken) ?? throw new InvalidOperationException(
                "An action was added under this request key and is gone.", error);
        }
    }

    public async Task<CorrectiveAction?> UpdateAsync(CorrectiveAction action, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(_dialect.Sql.CorrectiveActionUpdate,
            CorrectiveActionRow.Parameters(action, _dialect, expectedVersion: expectedVersion), transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            var stored = await GetAsync(connection, transaction, action.Id, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return stored is null ? null : throw new CorrectiveActionConflictException(action.Id, stored.Version);
        }

        await KeepVersionAsync(connection, transaction, action.Id, cancellationToken);
        var updated = await GetAsync(connection, transaction, action.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    public async Task<CorrectiveAction?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public async Task<IReadOnlyList<CorrectiveAction>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CorrectiveActionRow>(new CommandDefinition(
            _dialect.Sql.CorrectiveActionList, new { Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToAction()).ToList();
    }

    public async Task<IReadOnlyList<CorrectiveAction>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CorrectiveActionRow>(new CommandDefinition(
            _dialect.Sql.CorrectiveActionHistory, new { Id = id }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToAction()).ToList();
    }

    private async Task<CorrectiveAction?> FindAsync(string requestKey, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CorrectiveActionRow>(new CommandDefinition(
            _dialect.Sql.CorrectiveActionFindRequest, new { RequestKey = requestKey }, cancellationToken: cancellationToken));
        return row?.ToAction();
    }

    private async Task<CorrectiveAction?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<CorrectiveActionRow>(new CommandDefinition(
            _dialect.Sql.CorrectiveActionGet, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return row?.ToAction();
    }

    private Task KeepVersionAsync(DbConnection connection, DbTransaction transaction, string id, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            _dialect.Sql.CorrectiveActionKeepVersion, new { Id = id }, transaction, cancellationToken: cancellationToken));
}
