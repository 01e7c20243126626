using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.CommunicationChecks;

/// <summary>
/// Whom a check should reach and who passes it to whom, from the scenario's reports-to relations. Down the
/// chain it starts at the ministries; an organization the control cell plays (simulated) answers nothing, so
/// the check goes through it: those reporting to it get it from whoever would have given it to it.
/// </summary>
public static class CheckPlan
{
    public static IReadOnlyList<CheckTarget> Targets(Scenario scenario, CheckRoute route)
    {
        if (route == CheckRoute.Everyone)
            return scenario.Organizations.Where(o => !o.Simulated).Select(o => new CheckTarget(o.Id, StageOf(o.Sector), null)).ToArray();
        var reports = scenario.Organizations.Where(o => o.ReportsTo is not null).ToLookup(o => o.ReportsTo!, StringComparer.Ordinal);
        var targets = new List<CheckTarget>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(Organization Org, string? Via)>(
            scenario.Organizations.Where(o => o.Sector == Sector.Ministry).Reverse().Select(o => (o, (string?)null)));
        while (pending.TryPop(out var next))
        {
            var (org, via) = next;
            if (!seen.Add(org.Id)) continue;
            if (!org.Simulated) targets.Add(new CheckTarget(org.Id, StageOf(org.Sector), via));
            var childVia = org.Simulated ? via : org.Id;
            foreach (var child in reports[org.Id].Reverse()) pending.Push((child, childVia));
        }
        return targets;
    }

    /// <summary>The organizations that organizationId is to pass the check on to.</summary>
    public static IReadOnlyList<string> PassOnTo(IReadOnlyList<CheckTarget> targets, string organizationId) =>
        targets.Where(t => t.Via == organizationId).Select(t => t.OrganizationId).ToArray();

    public static CheckStage StageOf(Sector sector) => sector switch
    {
        Sector.Ministry => CheckStage.Ministry,
        Sector.Ceptoar => CheckStage.Ceptoar,
        Sector.NationalCentre or Sector.Agency or Sector.Vendor => CheckStage.Other,
        _ => CheckStage.Operator,
    };
}
