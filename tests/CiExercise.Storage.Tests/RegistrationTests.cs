using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiExercise.Storage.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ciex-storage-tests", Guid.NewGuid().ToString("N"), "data");

    [Fact]
    public async Task Default_configuration_is_sqlite_in_the_data_directory_and_works_after_start()
    {
        var configuration = Configuration(new() { ["Storage:DataDirectory"] = _directory });
        await using var services = new ServiceCollection().AddCiExerciseStorage(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<StorageOptions>();
        var initializer = Assert.IsAssignableFrom<IHostedLifecycleService>(Assert.Single(services.GetServices<IHostedService>()));

        await initializer.StartingAsync(TestContext.Current.CancellationToken);
        var id = $"ex-{Guid.NewGuid():N}";
        await services.GetRequiredService<IExerciseCatalog>().CreateAsync(
            new ExerciseRecord(id, "n", "s", "{}", DateTimeOffset.UtcNow),
            new NewEvent(EventKind.ExerciseCreated, DateTimeOffset.UtcNow, TimeSpan.Zero, null, Actor.System, null, null, "{}", null),
            TestContext.Current.CancellationToken);
        await initializer.StoppedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.True(options.ApplyMigrations);
        Assert.Equal(Path.Combine(_directory, "ciexercise.db"), new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
        Assert.True(File.Exists(Path.Combine(_directory, "ciexercise.db")));
        Assert.Same(services.GetRequiredService<IEventLog>(), services.GetRequiredService<IEventLog>());
    }

    [Fact]
    public void Sql_server_settings_are_read_and_bad_ones_are_named()
    {
        var options = StorageOptions.FromConfiguration(Configuration(new()
        {
            ["Storage:Provider"] = "SqlServer",
            ["Storage:ConnectionString"] = "Server=db;Database=ciex",
            ["Storage:ApplyMigrations"] = "false",
        }));

        Assert.Equal(StorageProvider.SqlServer, options.Provider);
        Assert.False(options.ApplyMigrations);
        Assert.Contains("Oracle", Assert.Throws<InvalidOperationException>(() =>
            StorageOptions.FromConfiguration(Configuration(new() { ["Storage:Provider"] = "Oracle" }))).Message);
        Assert.Contains("ConnectionString", Assert.Throws<InvalidOperationException>(() =>
            StorageOptions.FromConfiguration(Configuration(new() { ["Storage:Provider"] = "SqlServer" }))).Message);
    }

    [Fact]
    public async Task Postgre_sql_settings_are_read_and_register_the_shared_secret_store()
    {
        var configuration = Configuration(new()
        {
            ["Storage:Provider"] = "postgresql",
            ["Storage:ConnectionString"] = "Host=db;Database=ciex;Username=ciex",
        });
        await using var services = new ServiceCollection().AddCiExerciseStorage(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<StorageOptions>();
        Assert.Equal(StorageProvider.PostgreSql, options.Provider);
        Assert.Equal("db:5432/ciex", options.CreateDialect().Describe());
        Assert.IsType<CiExercise.Storage.Secrets.SqlSharedSecretStore>(services.GetRequiredService<CiExercise.Storage.Secrets.ISharedSecretStore>());
        Assert.Contains("ConnectionString", Assert.Throws<InvalidOperationException>(() =>
            StorageOptions.FromConfiguration(Configuration(new() { ["Storage:Provider"] = "PostgreSql" }))).Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        var root = Path.GetDirectoryName(_directory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
