using System.Collections.Concurrent;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Exercises;

namespace CiExercise.Server.Realtime;

/// <summary>
/// Turns log rows into what consoles receive, for the live bridge and the replay alike. A delivery carries
/// its inject as the organization may see it: without it, every console that got an all-hands inject asked
/// the exercise grain for the whole view at the same instant. Scripted injects come from the scenario
/// snapshot; ad-hoc ones from their AdHocInjectAdded row, which commits with the deliveries.
/// </summary>
public sealed class LiveEvents(ExerciseScenarios scenarios, IEventLog log)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Inject>> _adHoc = new(StringComparer.Ordinal);

    public async ValueTask<LiveEvent> CreateAsync(ExerciseEvent e, CancellationToken cancellationToken)
    {
        if (e.Kind == EventKind.AdHocInjectAdded) Remember(e);
        if (e.Kind != EventKind.InjectDelivered || e.InjectId is null || e.OrganizationId is null) return LiveEvent.From(e);
        var inject = await FindAsync(e.ExerciseId, e.InjectId, cancellationToken);
        var roles = ScenarioJson.Deserialize<InjectDeliveredPayload>(e.Payload).Roles;
        return LiveEvent.From(e, inject is null ? null : ParticipantViews.AsDelivered(inject, e.OrganizationId, roles));
    }

    private async ValueTask<Inject?> FindAsync(string exerciseId, string injectId, CancellationToken cancellationToken)
    {
        var scenario = await scenarios.FindAsync(exerciseId, cancellationToken);
        if (scenario?.FindInject(injectId) is { } scripted) return scripted;
        if (AdHoc(exerciseId).TryGetValue(injectId, out var known)) return known;
        // Not seen on this node yet (a replay after a restart, or another node's inject): the log has it.
        foreach (var e in await log.ReadExerciseLevelAsync(exerciseId, cancellationToken))
            if (e.Kind == EventKind.AdHocInjectAdded) Remember(e);
        return AdHoc(exerciseId).GetValueOrDefault(injectId);
    }

    private void Remember(ExerciseEvent e)
    {
        var inject = ScenarioJson.Deserialize<AdHocInjectAddedPayload>(e.Payload).Inject;
        AdHoc(e.ExerciseId).TryAdd(inject.Id, inject);
    }

    private ConcurrentDictionary<string, Inject> AdHoc(string exerciseId) =>
        _adHoc.GetOrAdd(exerciseId, _ => new ConcurrentDictionary<string, Inject>(StringComparer.Ordinal));
}
