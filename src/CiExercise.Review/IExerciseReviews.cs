using CiExercise.Review.Model;

namespace CiExercise.Review;

/// <summary>
/// The reviews of exercises, computed from the event log (and cached per last seq, since a review of the same
/// record is always the same). Throws ExerciseRuleException "exercise.not-found" for an unknown exercise.
/// </summary>
public interface IExerciseReviews
{
    Task<ExerciseReview> GetAsync(string exerciseId, CancellationToken cancellationToken = default);

    Task<TimelinePage> TimelineAsync(string exerciseId, TimelineFilter filter, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The exercise once the event atSeq had been recorded.</summary>
    Task<ReplaySnapshot> ReplayAsync(string exerciseId, long atSeq, CancellationToken cancellationToken = default);

    /// <summary>One organization's view once the event atSeq had been recorded.</summary>
    Task<ReplayOrganization> ReplayOrganizationAsync(string exerciseId, string organizationId, long atSeq, CancellationToken cancellationToken = default);

    /// <summary>The last seq recorded at or before scenario time t (for a slider over scenario time).</summary>
    Task<long> SeqAtScenarioTimeAsync(string exerciseId, TimeSpan t, CancellationToken cancellationToken = default);
}
