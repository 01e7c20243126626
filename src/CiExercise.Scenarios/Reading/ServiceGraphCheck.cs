namespace CiExercise.Scenarios.Reading;

/// <summary>
/// A service runs for a known organization and depends on known services, and no service depends on itself through
/// others: a dependency loop would cascade round for ever, each service taking the next one down.
/// </summary>
internal sealed class ServiceGraphCheck(DiagnosticBag diagnostics, IReadOnlyList<ServiceDraft> services, IReadOnlySet<string> organizationIds)
{
    public void Run()
    {
        var byId = services.Where(s => s.Value.Id.Length > 0).GroupBy(s => s.Value.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var service in services)
        {
            var what = $"service '{service.Value.Id}'";
            if (service.Organization is { } organization && !organizationIds.Contains(organization.Id))
            {
                diagnostics.Error(organization.At, DiagnosticCodes.UnknownOrganization, $"{what} is run by unknown organization '{organization.Id}'");
            }

            foreach (var dependency in service.DependsOn.Where(d => !byId.ContainsKey(d.Service.Id)))
            {
                diagnostics.Error(dependency.Service.At, DiagnosticCodes.UnknownService, $"{what} depends on unknown service '{dependency.Service.Id}'");
            }
        }

        var ids = byId.Keys.ToArray();
        foreach (var loop in GraphCycles.Find(ids, id => byId[id].DependsOn.Select(d => d.Service.Id)))
        {
            var second = loop.Count > 1 ? loop[1] : loop[0];
            var at = byId[loop[0]].DependsOn.First(d => d.Service.Id == second).Service.At;
            diagnostics.Error(at, DiagnosticCodes.ServiceCycle,
                $"services depend on each other in a circle: {string.Join(" -> ", loop.Append(loop[0]))}");
        }
    }
}
