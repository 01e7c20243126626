using CiExercise.Contracts.Ports;
using CiExercise.Storage;
using CiExercise.Storage.Catalog;
using CiExercise.Storage.CorrectiveActions;
using CiExercise.Storage.Dialects;
using CiExercise.Storage.EventLog;
using CiExercise.Storage.JoinLinks;
using CiExercise.Storage.Hosting;
using CiExercise.Storage.Migrations;
using CiExercise.Storage.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// In the DI namespace, like the framework's own Add* methods, so hosts find it without another using.
namespace Microsoft.Extensions.DependencyInjection;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers IEventLog, IEventFeed (this node's commits), IExerciseCatalog, IJoinLinkStore, ICorrectiveActionStore, ISharedSecretStore, StorageOptions and the hosted service that applies migrations
    /// at start and flushes the event log at stop, from the configuration section "Storage".
    /// </summary>
    public static IServiceCollection AddCiExerciseStorage(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCiExerciseStorage(StorageOptions.FromConfiguration(configuration));

    public static IServiceCollection AddCiExerciseStorage(this IServiceCollection services, StorageOptions options)
    {
        if (options.Provider == StorageProvider.Sqlite)
        {
            PrivateFiles.CreateDirectory(options.DataDirectory);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(_ => options.CreateDialect());
        services.AddSingleton(sp => new SqlEventLog(sp.GetRequiredService<SqlDialect>(), options, Logger<SqlEventLog>(sp)));
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<SqlEventLog>());
        services.AddSingleton<IEventFeed>(sp => sp.GetRequiredService<SqlEventLog>());
        services.AddSingleton(sp => new SqlExerciseCatalog(sp.GetRequiredService<SqlDialect>(), Logger<SqlExerciseCatalog>(sp)));
        services.AddSingleton<IExerciseCatalog>(sp => sp.GetRequiredService<SqlExerciseCatalog>());
        services.AddSingleton<IJoinLinkStore>(sp => new SqlJoinLinkStore(sp.GetRequiredService<SqlDialect>()));
        services.AddSingleton<ICorrectiveActionStore>(sp => new SqlCorrectiveActionStore(sp.GetRequiredService<SqlDialect>()));
        services.AddSingleton<ISharedSecretStore>(sp => new SqlSharedSecretStore(
            sp.GetRequiredService<SqlDialect>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new MigrationRunner(
            sp.GetRequiredService<SqlDialect>(), sp.GetRequiredService<TimeProvider>(), Logger<MigrationRunner>(sp)));
        services.AddHostedService(sp => new StorageInitializer(
            options, sp.GetRequiredService<MigrationRunner>(), sp.GetRequiredService<SqlEventLog>()));
        return services;
    }

    private static ILogger<T> Logger<T>(IServiceProvider services) =>
        services.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
