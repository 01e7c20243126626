using System.Collections.Concurrent;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Scenarios;

/// <summary>
/// The scenario snapshot each exercise was created from, read and deserialized once per process: by the
/// exercise grain and every organization grain on activation (850 of them at an all-hands inject) and by
/// the API's checks. Snapshots never change, so the cache needs no invalidation.
/// </summary>
public sealed class ExerciseScenarios(IExerciseCatalog catalog)
{
    private readonly ConcurrentDictionary<string, Scenario> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _readOnly = new(StringComparer.Ordinal);

    /// <summary>The exercise's scenario, or null when there is no such exercise.</summary>
    public async Task<Scenario?> FindAsync(string exerciseId, CancellationToken cancellationToken)
    {
        if (_snapshots.TryGetValue(exerciseId, out var cached)) return cached;
        var record = await catalog.GetAsync(exerciseId, cancellationToken);
        return record is null ? null : Of(record);
    }

    /// <summary>The scenario of a catalog record already read, deserialized only if no one has yet.</summary>
    public Scenario Of(ExerciseRecord record)
    {
        _readOnly.TryAdd(record.Id, record.ReadOnly);
        return _snapshots.GetOrAdd(record.Id, static (_, json) => ScenarioJson.Deserialize<Scenario>(json), record.ScenarioJson);
    }

    /// <summary>
    /// Imported, a record to review only: known once the scenario was found (FindAsync or Of). An exercise is
    /// read-only from its creation (an import) or never, so the answer never changes.
    /// </summary>
    public bool IsReadOnly(string exerciseId) => _readOnly.TryGetValue(exerciseId, out var readOnly) && readOnly;

    /// <summary>Remembers the scenario of an exercise just created, so that nobody reads it back.</summary>
    public void Add(string exerciseId, Scenario scenario) => _snapshots.TryAdd(exerciseId, scenario);
}
