using CiExercise.Grains.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiExercise.Grains;

public static class ServiceCollectionExtensions
{
    /// <summary>What the grains need besides the event log, the catalog and the wake-up scheduler (the scenario cache, the clock).</summary>
    public static IServiceCollection AddCiExerciseGrains(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ExerciseScenarios>();
        var options = services.AddOptions<EngineOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection("Engine"));
        return services;
    }
}
