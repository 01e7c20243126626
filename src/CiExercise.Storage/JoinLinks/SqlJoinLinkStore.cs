using CiExercise.Storage.Dialects;
using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace CiExercise.Storage.JoinLinks;

/// <summary>The join_links table through Dapper, one statement file per operation and dialect.</summary>
public sealed class SqlJoinLinkStore : IJoinLinkStore
{
    // A few hundred kilobytes of JSON per statement: a roster of thousands is a handful of statements.
    private const int RowsPerStatement = 500;

    private readonly SqlDialect _dialect;

    internal SqlJoinLinkStore(SqlDialect dialect) => _dialect = dialect;

    public Task AddAsync(IReadOnlyList<JoinLink> links, CancellationToken cancellationToken = default) =>
        InsertAsync(links, null, cancellationToken);

    public async Task<bool> AddAsync(IReadOnlyList<JoinLink> links, IssueKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await InsertAsync(links, key, cancellationToken);
            return true;
        }
        catch (DbException error) when (_dialect.IsDuplicateKey(error))
        {
            // Link ids are new GUIDs: the row that is there already is the key's.
            return false;
        }
    }

    public async Task<IssuedUnderKey?> FindByKeyAsync(string requestKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<JoinLinkRow>(new CommandDefinition(
            _dialect.Sql.JoinLinkFindRequest, new { RequestKey = requestKey }, cancellationToken: cancellationToken))).ToList();
        return rows.Count == 0 ? null : new IssuedUnderKey(rows[0].RequestFingerprint, rows.Select(row => row.ToLink()).ToList());
    }

    private async Task InsertAsync(IReadOnlyList<JoinLink> links, IssueKey? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        foreach (var chunk in links.Index().Chunk(RowsPerStatement))
        {
            var rows = JsonSerializer.Serialize(chunk.Select(x => new
            {
                id = x.Item.Id,
                exerciseId = x.Item.ExerciseId,
                kind = x.Item.Kind,
                organizationId = x.Item.OrganizationId,
                role = x.Item.Role,
                name = x.Item.Name,
                email = x.Item.Email,
                createdAt = _dialect.ToDbTime(x.Item.CreatedAt),
                expiresAt = _dialect.ToDbTime(x.Item.ExpiresAt),
                createdBy = x.Item.CreatedBy,
                oneTime = x.Item.OneTime,
                requestKey = key?.RequestKey,
                requestFingerprint = key?.Fingerprint,
                requestIndex = key is null ? (int?)null : x.Index,
            }));
            await connection.ExecuteAsync(new CommandDefinition(
                _dialect.Sql.JoinLinkInsertBatch, new { Links = rows }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<JoinLink?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JoinLinkRow>(
            new CommandDefinition(_dialect.Sql.JoinLinkGet, new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToLink();
    }

    public async Task<IReadOnlyList<JoinLink>> ListAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JoinLinkRow>(
            new CommandDefinition(_dialect.Sql.JoinLinkList, new { ExerciseId = exerciseId }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToLink()).ToList();
    }

    public async Task<JoinLink?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using (var connection = await _dialect.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                _dialect.Sql.JoinLinkRevoke, new { Id = id, At = _dialect.ToDbTime(at) }, cancellationToken: cancellationToken));
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task<bool> TryUseAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            _dialect.Sql.JoinLinkUse, new { Id = id, At = _dialect.ToDbTime(at) }, cancellationToken: cancellationToken));
        return updated == 1;
    }

    public async Task<bool> AnyOfKindAsync(string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(_dialect.Sql.JoinLinkCountKind, new { Kind = kind }, cancellationToken: cancellationToken)) > 0;
    }
}
