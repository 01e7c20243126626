using CiExercise.Contracts.Improvement;

namespace CiExercise.Review.Model;

/// <summary>
/// A corrective action of an earlier exercise that concerns this one (same organization, objective or capability),
/// and whether its finding recurred here: the same task rated M or U again, or the same KPI missed again by the
/// same organization. Evidence says where (task ratings, KPI misses), one line each.
/// </summary>
public sealed record CarriedAction(CorrectiveAction Action, bool Recurred, IReadOnlyList<string> Evidence);
