using CiExercise.Contracts.Presence;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Exercises;

namespace CiExercise.Server.Realtime.Presence;

/// <summary>An exercise's presence as the endpoint, the hub and the publisher show it; null when there is no such exercise.</summary>
public sealed class PresenceReader(IPresenceSource source, ExerciseScenarios scenarios, TimeProvider time)
{
    public async Task<PresenceView?> ReadAsync(string exerciseId, CancellationToken cancellationToken) =>
        await scenarios.FindAsync(exerciseId, cancellationToken) is { } scenario
            ? PresenceViews.Build(exerciseId, scenario, await source.ReadAsync(exerciseId, cancellationToken), time.GetUtcNow())
            : null;
}
