using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Model;

namespace CiExercise.Review.Improvement;

/// <summary>What the trend view narrows to; null: everything. Sector filters organizations too (by the scenario's sectors).</summary>
public sealed record TrendFilter(string? OrganizationId = null, Sector? Sector = null, string? Capability = null);

/// <summary>The exercises in time order (oldest first), each with its ratings and response figures.</summary>
public sealed record TrendReport(IReadOnlyList<ExerciseTrend> Exercises);

/// <summary>
/// One exercise of the trend: each objective's rating (by its capability, which links exercises of different
/// scenarios), each task's current rating, and the response figures of its organizations and sectors.
/// </summary>
public sealed record ExerciseTrend(
    string ExerciseId,
    string Name,
    string ScenarioId,
    DateTimeOffset? StartedAt,
    ExerciseStatus Status,
    IReadOnlyList<CapabilityTrend> Objectives,
    IReadOnlyList<TaskTrend> Tasks,
    IReadOnlyList<ResponseFigures> Organizations,
    IReadOnlyList<ResponseFigures> Sectors);

public sealed record CapabilityTrend(string Capability, string ObjectiveId, HseepRating? Rating);

public sealed record TaskTrend(string Capability, string ObjectiveId, string TaskId, HseepRating? Rating);

/// <summary>The trend across exercises, computed from their reviews alone.</summary>
public static class Trends
{
    /// <summary>Exercises a trend covers: the newest this many, so that one view costs a bounded number of reviews.</summary>
    public const int MaxExercises = 50;

    /// <summary>The reviews in time order (started first; never started last, in the order given), narrowed by the filter.</summary>
    public static TrendReport Of(IEnumerable<ExerciseReview> reviews, TrendFilter filter)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(filter);
        return new TrendReport(reviews.Index()
            .OrderBy(r => r.Item.StartedAt is null).ThenBy(r => r.Item.StartedAt).ThenBy(r => r.Index)
            .Select(r => Of(r.Item, filter)).ToList());
    }

    private static ExerciseTrend Of(ExerciseReview review, TrendFilter filter)
    {
        var objectives = review.Evaluation.Objectives
            .Where(o => filter.Capability is null || string.Equals(o.Capability.Trim(), filter.Capability.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        var inSector = filter.Sector is { } sector
            ? review.Scenario.Organizations.Where(o => o.Sector == sector).Select(o => o.Id).ToHashSet(StringComparer.Ordinal)
            : null;
        return new ExerciseTrend(
            review.ExerciseId, review.Name, review.Scenario.Id, review.StartedAt, review.Status,
            objectives.Select(o => new CapabilityTrend(o.Capability, o.ObjectiveId, o.Rating)).ToList(),
            objectives.SelectMany(o => o.Tasks.Select(t => new TaskTrend(o.Capability, o.ObjectiveId, t.TaskId, t.Current))).ToList(),
            review.Kpis.Organizations.Where(f => (filter.OrganizationId is null || f.Key == filter.OrganizationId)
                                                 && (inSector is null || inSector.Contains(f.Key))).ToList(),
            review.Kpis.Sectors.Where(f => filter.Sector is not { } wanted || IsSector(f.Key, wanted)).ToList());
    }

    // The sectors' figures are keyed by the sector's name; either spelling (Finance, finance) is the same sector.
    private static bool IsSector(string key, Sector sector) =>
        string.Equals(key, sector.ToString(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(sector.ToString()), StringComparison.Ordinal);
}
