using CiExercise.Contracts.Ports;
using CiExercise.Review.Model;
using CiExercise.Review.Report;

namespace CiExercise.Server.Reports;

/// <summary>
/// The report's corrective actions when the improvement plan registers no <see cref="IReportActions"/> of its own:
/// the actions the store holds for this exercise, and none carried in (that needs the plan's recurrence check).
/// With no store registered either, the report has no actions.
/// </summary>
internal sealed class StoreReportActions(IServiceProvider services) : IReportActions
{
    /// <summary>The store lists every action; an exercise's plan is a small part of it.</summary>
    private const int MaxActions = 10_000;

    public async Task<ReportActions> ForAsync(ExerciseReview review, CancellationToken cancellationToken = default)
    {
        if (services.GetService<ICorrectiveActionStore>() is not { } store) return ReportActions.None;
        var all = await store.ListAsync(MaxActions, cancellationToken);
        return new ReportActions(all.Where(a => a.ExerciseId == review.ExerciseId).ToList(), []);
    }
}
