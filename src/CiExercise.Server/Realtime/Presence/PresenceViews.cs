using CiExercise.Contracts.Presence;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Realtime.Presence;

/// <summary>Counts joined to the scenario: every organization, connected or not, and totals per sector.</summary>
public static class PresenceViews
{
    public static PresenceView Build(string exerciseId, Scenario scenario, PresenceCounts counts, DateTimeOffset at)
    {
        var organizations = scenario.Organizations.Select(o => counts.Organizations.TryGetValue(o.Id, out var c)
            ? new OrganizationPresence(o.Id, o.Sector, o.Simulated, c.Connections, c.Names)
            : new OrganizationPresence(o.Id, o.Sector, o.Simulated, 0, [])).ToArray();
        var sectors = organizations.GroupBy(o => o.Sector).Select(g =>
            new SectorPresence(g.Key, g.Count(), g.Count(o => o.Connections > 0), g.Sum(o => o.Connections))).ToArray();
        return new PresenceView(exerciseId, at, organizations.Sum(o => o.Connections) + counts.Controllers + counts.Evaluators + counts.Observers,
            counts.Controllers, counts.Evaluators, counts.Observers, sectors, organizations);
    }
}
