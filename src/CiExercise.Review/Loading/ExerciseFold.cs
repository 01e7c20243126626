using CiExercise.Contracts.Events;
using CiExercise.Grains.Exercises;
using CiExercise.Grains.Organizations;

namespace CiExercise.Review.Loading;

/// <summary>
/// The exercise once the event UpToSeq had been recorded, by the grains' own folds: the exercise grain's
/// ExerciseState (status, clock, fired injects) and each organization grain's OrganizationState. Whatever the
/// review says about play is read from these, so that review and play cannot disagree.
/// </summary>
internal sealed class ExerciseFold
{
    private ExerciseFold(ExerciseState exercise, Dictionary<string, OrganizationState> organizations, ExerciseEvent? last)
    {
        Exercise = exercise;
        Organizations = organizations;
        Last = last;
    }

    public ExerciseState Exercise { get; }

    /// <summary>Every organization of the scenario, folded from its own stream.</summary>
    public IReadOnlyDictionary<string, OrganizationState> Organizations { get; }

    /// <summary>The last event folded (null before the first).</summary>
    public ExerciseEvent? Last { get; }

    /// <summary>Scenario time at the moment of the last event folded, by the exercise clock's fold.</summary>
    public TimeSpan ScenarioNow => Last is null ? TimeSpan.Zero : Exercise.Clock.ScenarioAt(Last.WallTime);

    public static ExerciseFold Of(ExerciseLog log, long upToSeq, string? onlyOrganizationId = null)
    {
        var exercise = new ExerciseState(log.Id, log.Name, log.Scenario);
        var organizations = log.Scenario.Organizations
            .Where(o => onlyOrganizationId is null || o.Id == onlyOrganizationId)
            .ToDictionary(o => o.Id, _ => new OrganizationState(), StringComparer.Ordinal);
        ExerciseEvent? last = null;
        foreach (var e in log.Events)
        {
            if (e.Seq > upToSeq) break;
            last = e;
            if (e.OrganizationId is null) exercise.Apply(e);
            else if (organizations.TryGetValue(e.OrganizationId, out var organization)) organization.Apply(e);
        }
        return new ExerciseFold(exercise, organizations, last);
    }
}
