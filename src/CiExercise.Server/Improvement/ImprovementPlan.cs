using CiExercise.Contracts.Improvement;
using CiExercise.Contracts.Ports;
using CiExercise.Review;
using CiExercise.Review.Improvement;
using CiExercise.Review.Model;
using CiExercise.Server.Identity;

namespace CiExercise.Server.Improvement;

/// <summary>An exercise's improvement plan: the actions raised in it and those carried in from earlier exercises.</summary>
public sealed record CorrectiveActionList(IReadOnlyList<CorrectiveAction> Raised, IReadOnlyList<CarriedAction> Carried);

/// <summary>
/// The improvement plan across exercises, read from the store and the exercises' reviews: what an exercise raised,
/// what it carries in (Recurrence over its review) and the trend of the newest exercises.
/// </summary>
public sealed class ImprovementPlan(ICorrectiveActionStore store, IExerciseCatalog catalog, IExerciseReviews reviews)
{
    /// <summary>The exercise's plan, with recurrence judged on its review as it is now.</summary>
    public async Task<CorrectiveActionList> ForAsync(string exerciseId, CancellationToken cancellationToken) =>
        await ForAsync(await reviews.GetAsync(exerciseId, cancellationToken), cancellationToken);

    /// <summary>
    /// The plan of the review's exercise: actions raised in it, oldest first, and the actions of exercises created
    /// before it that concern it (the same for every reader of the same review, so reports print what the page shows).
    /// </summary>
    public async Task<CorrectiveActionList> ForAsync(ExerciseReview review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        var actions = await store.ListAsync(CorrectiveActionLimits.Stored, cancellationToken);
        var exercises = await catalog.ListAsync(cancellationToken);
        var created = exercises.FirstOrDefault(e => e.Id == review.ExerciseId)?.CreatedAt;
        var earlier = exercises.Where(e => created is null || e.CreatedAt < created).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        earlier.Remove(review.ExerciseId);
        return new CorrectiveActionList(
            actions.Where(a => a.ExerciseId == review.ExerciseId).ToList(),
            Recurrence.Carried(review, actions.Where(a => earlier.Contains(a.ExerciseId))));
    }

    /// <summary>
    /// The trend of the newest <see cref="Trends.MaxExercises"/> exercises the controller covers (one exercise for a
    /// controller bound to it), one review at a time so that a trend never replays fifty records at once.
    /// </summary>
    public async Task<TrendReport> TrendAsync(ExercisePrincipal controller, TrendFilter filter, CancellationToken cancellationToken)
    {
        var newest = (await catalog.ListAsync(cancellationToken)).Where(e => controller.Covers(e.Id)).Take(Trends.MaxExercises).Reverse();
        var list = new List<ExerciseReview>();
        foreach (var exercise in newest) list.Add(await reviews.GetAsync(exercise.Id, cancellationToken));
        return Trends.Of(list, filter);
    }
}
