using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiExercise.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>The after-action reviews (IExerciseReviews) over the event log, the catalog and the grains' scenario cache.</summary>
    public static IServiceCollection AddCiExerciseReview(this IServiceCollection services)
    {
        services.TryAddSingleton<ReviewCache>();
        services.TryAddSingleton<ReviewService>();
        services.TryAddSingleton<IExerciseReviews>(sp => sp.GetRequiredService<ReviewService>());
        return services;
    }
}
