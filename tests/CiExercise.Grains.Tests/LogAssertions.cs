using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Tests;

internal static class LogAssertions
{
    /// <summary>Invariant 1: sequence numbers run 1, 2, 3… with no gap and no repeat.</summary>
    public static void GapFree(IReadOnlyList<ExerciseEvent> events) =>
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));

    /// <summary>Every fired inject reached exactly its recipients, once each.</summary>
    public static void DeliveredExactlyToRecipients(Scenario scenario, IReadOnlyList<ExerciseEvent> events, IEnumerable<string> injectIds)
    {
        var deliveries = events.Where(e => e.Kind == EventKind.InjectDelivered).ToArray();
        foreach (var id in injectIds)
        {
            var expected = scenario.ResolveRecipients(scenario.FindInject(id)!.Recipients).Select(t => t.OrganizationId).Order();
            var actual = deliveries.Where(d => d.InjectId == id).Select(d => d.OrganizationId!).Order();
            Assert.Equal(expected, actual);
            Assert.Single(events, e => e.Kind == EventKind.InjectFired && e.InjectId == id);
        }
    }
}
