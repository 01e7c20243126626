using System.Data.Common;
using CiExercise.Storage.Dialects;
using Dapper;

namespace CiExercise.Storage.Secrets;

/// <summary>
/// The shared_secret table: insert the candidate if the name is absent, then read what is there. The primary
/// key settles a race: whoever inserts first is the value every node reads.
/// </summary>
public sealed class SqlSharedSecretStore : ISharedSecretStore
{
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;

    internal SqlSharedSecretStore(SqlDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
    }

    public async Task<string> GetOrAddAsync(string name, string candidate, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(candidate);
        if (name.Length > ISharedSecretStore.MaxNameLength)
            throw new ArgumentException($"A shared secret's name is at most {ISharedSecretStore.MaxNameLength} characters; it has {name.Length}.", nameof(name));
        if (candidate.Length > ISharedSecretStore.MaxValueLength)
            throw new ArgumentException($"A shared secret is at most {ISharedSecretStore.MaxValueLength} characters; the candidate for '{name}' has {candidate.Length}.", nameof(candidate));

        await using var connection = await _dialect.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(_dialect.Sql.SharedSecretInsert,
                new { Name = name, Value = candidate, CreatedAt = _dialect.ToDbTime(_time.GetUtcNow()) }, cancellationToken: cancellationToken));
        }
        catch (DbException error) when (_dialect.IsDuplicateKey(error))
        {
            // Another node inserted between this one's check and insert (SQL Server): its value is the one.
        }

        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                   _dialect.Sql.SharedSecretGet, new { Name = name }, cancellationToken: cancellationToken))
               ?? throw new InvalidOperationException($"Shared secret '{name}' was stored and is gone.");
    }
}
