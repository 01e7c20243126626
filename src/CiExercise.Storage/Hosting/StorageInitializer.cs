using CiExercise.Storage.EventLog;
using CiExercise.Storage.Migrations;
using Microsoft.Extensions.Hosting;

namespace CiExercise.Storage.Hosting;

/// <summary>
/// Applies migrations in StartingAsync, which the host runs before any hosted service's StartAsync, so the
/// schema exists before a silo activates a grain whatever the registration order. Flushes the event log
/// in StoppedAsync, after the silo has stopped appending.
/// </summary>
internal sealed class StorageInitializer(StorageOptions options, MigrationRunner migrations, SqlEventLog eventLog)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.ApplyMigrations)
        {
            await migrations.ApplyAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await eventLog.DisposeAsync();
}
