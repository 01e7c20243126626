using CiExercise.Contracts.Improvement;
using CiExercise.Review.Model;

namespace CiExercise.Review.Report;

/// <summary>The improvement plan as the report shows it: actions raised in this exercise, and those carried in from earlier ones.</summary>
public sealed record ReportActions(IReadOnlyList<CorrectiveAction> Raised, IReadOnlyList<CarriedAction> Carried)
{
    public static ReportActions None { get; } = new([], []);
}

/// <summary>
/// Where the report takes its corrective actions from. The improvement plan's own service implements it (it knows
/// which earlier actions concern this exercise and whether their findings recurred); the report only shows them.
/// </summary>
public interface IReportActions
{
    Task<ReportActions> ForAsync(ExerciseReview review, CancellationToken cancellationToken = default);
}
