using CiExercise.Contracts.Ports;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Hosting;

/// <summary>The suite's servers run on the store it was asked for (CIEX_TEST_STORAGE), so a PostgreSQL pass is one.</summary>
public sealed class TestStorageTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_server_stores_exercises_in_the_store_the_suite_runs_on()
    {
        var options = server.Factory.Services.GetRequiredService<StorageOptions>();

        var created = await server.Api.CreateExerciseAsync();

        Assert.Equal(TestStorage.Provider, options.Provider);
        Assert.Equal(TestStorage.Settings(server.Factory.DataDirectory).GetValueOrDefault("Storage:ConnectionString") ?? options.ConnectionString,
            options.ConnectionString);
        Assert.NotNull(await server.Factory.Services.GetRequiredService<IExerciseCatalog>().GetAsync(created.Id, TestContext.Current.CancellationToken));
    }
}
