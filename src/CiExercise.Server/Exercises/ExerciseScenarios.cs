using System.Collections.Concurrent;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Exercises;

/// <summary>
/// The scenario snapshot each exercise was created from, for checks the API makes before it calls a
/// grain (does this organization and role exist). Snapshots never change, so they are read once.
/// </summary>
public sealed class ExerciseScenarios(IExerciseCatalog catalog)
{
    private readonly ConcurrentDictionary<string, Scenario> _snapshots = new(StringComparer.Ordinal);

    /// <summary>The exercise's scenario, or null when there is no such exercise.</summary>
    public async Task<Scenario?> FindAsync(string exerciseId, CancellationToken cancellationToken)
    {
        if (_snapshots.TryGetValue(exerciseId, out var cached)) return cached;
        var record = await catalog.GetAsync(exerciseId, cancellationToken);
        if (record is null) return null;
        return _snapshots.GetOrAdd(exerciseId, _ => ScenarioJson.Deserialize<Scenario>(record.ScenarioJson));
    }
}
