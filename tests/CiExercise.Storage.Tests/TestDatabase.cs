using CiExercise.Storage.Catalog;
using CiExercise.Storage.CorrectiveActions;
using CiExercise.Storage.EventLog;
using CiExercise.Storage.JoinLinks;
using CiExercise.Storage.Migrations;
using CiExercise.Storage.Secrets;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiExercise.Storage.Tests;

/// <summary>One database per test class and provider; tests keep apart by using fresh exercise ids.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public abstract string? SkipReason { get; }

    public abstract StorageOptions Options { get; }

    public virtual async ValueTask InitializeAsync()
    {
        if (SkipReason is null)
        {
            await CreateMigrationRunner().ApplyAsync(CancellationToken.None);
        }
    }

    public abstract ValueTask DisposeAsync();

    internal MigrationRunner CreateMigrationRunner() =>
        new(Options.CreateDialect(), TimeProvider.System, NullLogger<MigrationRunner>.Instance);

    internal SqlEventLog CreateEventLog(StorageOptions? options = null)
    {
        var effective = options ?? Options;
        return new SqlEventLog(effective.CreateDialect(), effective, NullLogger<SqlEventLog>.Instance);
    }

    internal SqlJoinLinkStore CreateJoinLinks() => new(Options.CreateDialect());

    internal SqlCorrectiveActionStore CreateCorrectiveActions() => new(Options.CreateDialect());

    internal SqlSharedSecretStore CreateSharedSecrets() => new(Options.CreateDialect(), TimeProvider.System);

    internal SqlExerciseCatalog CreateCatalog() => new(Options.CreateDialect(), NullLogger<SqlExerciseCatalog>.Instance);
}
