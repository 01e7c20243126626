namespace CiExercise.Scenarios.Reading;

/// <summary>
/// reports-to must name a known organization, and following it must end somewhere: a loop would send
/// escalations round for ever in the information-sharing views.
/// </summary>
internal sealed class ReportingChainCheck(DiagnosticBag diagnostics, IReadOnlyList<OrganizationDraft> organizations)
{
    public void Run()
    {
        var byId = organizations.Where(o => o.Value.Id.Length > 0)
            .GroupBy(o => o.Value.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        foreach (var organization in organizations.Where(o => o.ReportsTo is not null && !byId.ContainsKey(o.ReportsTo.Id)))
        {
            diagnostics.Error(organization.ReportsTo!.At, DiagnosticCodes.UnknownReportsTo,
                $"organization '{organization.Value.Id}' reports to unknown organization '{organization.ReportsTo.Id}'");
        }

        var inReportedCycle = new HashSet<string>(StringComparer.Ordinal);
        foreach (var organization in byId.Values.Where(o => o.ReportsTo is not null))
        {
            var chain = Chain(organization, byId);
            if (chain is null || inReportedCycle.Contains(organization.Value.Id))
            {
                continue;
            }

            inReportedCycle.UnionWith(chain);
            diagnostics.Error(organization.ReportsTo!.At, DiagnosticCodes.ReportingCycle,
                $"reports-to goes round in a circle: {string.Join(" -> ", chain.Append(organization.Value.Id))}");
        }
    }

    /// <summary>The organizations of the loop that starts and ends at start, or null when its chain ends.</summary>
    private static List<string>? Chain(OrganizationDraft start, Dictionary<string, OrganizationDraft> byId)
    {
        var chain = new List<string> { start.Value.Id };
        var current = start;
        while (current.ReportsTo is { } next && byId.TryGetValue(next.Id, out var parent))
        {
            if (parent.Value.Id == start.Value.Id)
            {
                return chain;
            }

            if (chain.Contains(parent.Value.Id) || chain.Count > byId.Count)
            {
                return null;
            }

            chain.Add(parent.Value.Id);
            current = parent;
        }

        return null;
    }
}
