using CiExercise.Review.Report;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiExercise.Server.Reports;

public static class ReportServices
{
    /// <summary>The report's sources and the import; the improvement plan's own IReportActions wins over the fallback.</summary>
    public static IServiceCollection AddCiExerciseReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IReportActions, StoreReportActions>();
        services.AddSingleton(ExportLimits.From(configuration));
        services.AddSingleton<ExerciseImporter>();
        return services;
    }
}
