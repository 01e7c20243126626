using CiExercise.Storage.Dialects;
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

    public async Task AddAsync(IReadOnlyList<JoinLink> links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        foreach (var chunk in links.Chunk(RowsPerStatement))
        {
            var rows = JsonSerializer.Serialize(chunk.Select(link => new
            {
                id = link.Id,
                exerciseId = link.ExerciseId,
                kind = link.Kind,
                organizationId = link.OrganizationId,
                role = link.Role,
                name = link.Name,
                email = link.Email,
                createdAt = _dialect.ToDbTime(link.CreatedAt),
                expiresAt = _dialect.ToDbTime(link.ExpiresAt),
                createdBy = link.CreatedBy,
                oneTime = link.OneTime,
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
