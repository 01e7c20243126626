using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Reading;

/// <summary>The checks that need the whole file: ids, references, time ranges, and the warnings.</summary>
internal sealed class ScenarioChecks(
    DiagnosticBag diagnostics,
    IReadOnlyList<string> roles,
    IReadOnlyList<OrganizationDraft> organizations,
    IReadOnlyList<ObjectiveDraft> objectives)
{
    private readonly HashSet<string> _organizationIds = organizations.Select(o => o.Value.Id).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _objectiveIds = objectives.Select(o => o.Value.Id).ToHashSet(StringComparer.Ordinal);

    public void Run(IReadOnlyList<PhaseDraft> phases, IReadOnlyList<InjectDraft> injects, TimeSpan? duration)
    {
        Uniqueness.Check(diagnostics, Ids(organizations.Select(o => (o.Value.Id, o.IdAt))), "organization id");
        Uniqueness.Check(diagnostics, Ids(objectives.Select(o => (o.Value.Id, o.IdAt))), "objective id");
        Uniqueness.Check(diagnostics, Ids(phases.Select(p => (p.Value.Id, p.IdAt))), "phase id");
        Uniqueness.Check(diagnostics, Ids(injects.Select(i => (i.Value.Id, i.IdAt))), "inject id");

        foreach (var organization in organizations)
        {
            CheckRoles(organization.Roles, $"organization '{organization.Value.Id}'");
        }

        new ReportingChainCheck(diagnostics, organizations).Run();
        CheckCeptoars();
        foreach (var phase in phases)
        {
            CheckPhase(phase, duration);
        }

        var scope = new Scenario("", LocalizedText.Empty, LocalizedText.Empty, "", default, null, [],
            organizations.Select(o => o.Value).ToArray(), [], []);
        foreach (var inject in injects)
        {
            CheckInject(inject, duration, scope);
        }

        WarnUnused(injects, scope);
    }

    /// <summary>Services, conditions and effects: what they name exists, and every branch can fire.</summary>
    public void CheckDynamics(IReadOnlyList<ServiceDraft> services, IReadOnlyList<InjectDraft> injects, TimeSpan? duration)
    {
        Uniqueness.Check(diagnostics, Ids(services.Select(s => (s.Value.Id, s.IdAt))), "service id");
    }

    /// <summary>The escalation roles are roles of the scenario.</summary>
    public void CheckReview(ReviewDraft review) => CheckRoles(review.EscalationRoles, "review escalation-roles");

    /// <summary>An operator's CEPTOAR is an organization of the scenario in sector ceptoar.</summary>
    private void CheckCeptoars()
    {
        var byId = organizations.Where(o => o.Value.Id.Length > 0).GroupBy(o => o.Value.Id).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var organization in organizations.Where(o => o.Ceptoar is not null))
        {
            var what = $"organization '{organization.Value.Id}'";
            var ceptoar = organization.Ceptoar!;
            if (!byId.TryGetValue(ceptoar.Id, out var named))
            {
                diagnostics.Error(ceptoar.At, DiagnosticCodes.UnknownOrganization, $"{what} names unknown organization '{ceptoar.Id}' as its ceptoar");
            }
            else if (named.Sector != Sector.Ceptoar)
            {
                diagnostics.Error(ceptoar.At, DiagnosticCodes.NotACeptoar,
                    $"{what} names '{ceptoar.Id}' as its ceptoar, but '{ceptoar.Id}' is in sector {KebabNames<Sector>.NameOf(named.Sector)}, not ceptoar");
            }
        }
    }

    private void CheckInject(InjectDraft inject, TimeSpan? duration, Scenario scope)
    {
        var what = $"inject '{inject.Value.Id}'";
        if (inject.AtKnown && inject.AtPosition is { } at)
        {
            CheckInRange(inject.Value.At, at, duration, what);
        }

        foreach (var objective in inject.Objectives.Where(o => !_objectiveIds.Contains(o.Id)))
        {
            diagnostics.Error(objective.At, DiagnosticCodes.UnknownObjective, $"{what} serves unknown objective '{objective.Id}'");
        }

        if (inject.To is not { } to)
        {
            return;
        }

        var unknown = to.Organizations.Where(o => !_organizationIds.Contains(o.Id)).ToArray();
        foreach (var organization in unknown)
        {
            diagnostics.Error(organization.At, DiagnosticCodes.UnknownOrganization,
                $"{what} is sent to unknown organization '{organization.Id}'");
        }

        var rolesKnown = CheckRoles(to.Roles, what);
        if (unknown.Length == 0 && rolesKnown && scope.ResolveRecipients(to.Value).Count == 0)
        {
            diagnostics.Error(to.At, DiagnosticCodes.NoRecipients,
                $"{what} reaches no organization: none of those named has the sector or roles given");
        }
    }

    private void CheckPhase(PhaseDraft phase, TimeSpan? duration)
    {
        var what = $"phase '{phase.Value.Id}'";
        if (phase.StartAt is { } startAt)
        {
            CheckInRange(phase.Value.Start, startAt, duration, $"start of {what}");
        }

        if (phase.EndAt is not { } endAt || phase.Value.End is not { } end)
        {
            return;
        }

        CheckInRange(end, endAt, duration, $"end of {what}");
        if (phase.StartAt is not null && end <= phase.Value.Start)
        {
            diagnostics.Error(endAt, DiagnosticCodes.PhaseEndsBeforeStart,
                $"{what} ends at {TimeSyntax.FormatOffset(end)}, not after its start {TimeSyntax.FormatOffset(phase.Value.Start)}");
        }
    }

    private void CheckInRange(TimeSpan offset, SourcePosition at, TimeSpan? duration, string what)
    {
        if (offset < TimeSpan.Zero)
        {
            diagnostics.Error(at, DiagnosticCodes.OutsideDuration,
                $"{what} is at {TimeSyntax.FormatOffset(offset)}, before the scenario start");
        }
        else if (offset > duration)
        {
            diagnostics.Error(at, DiagnosticCodes.OutsideDuration,
                $"{what} is at {TimeSyntax.FormatOffset(offset)}, after the planned duration {TimeSyntax.FormatOffset(duration.Value)}");
        }
    }

    private bool CheckRoles(IEnumerable<IdRef> used, string what)
    {
        var allKnown = true;
        foreach (var role in used.Where(r => !roles.Contains(r.Id)))
        {
            allKnown = false;
            diagnostics.Error(role.At, DiagnosticCodes.UnknownRole,
                $"{what} names unknown role '{role.Id}'; the scenario's roles are: {string.Join(", ", roles)}");
        }

        return allKnown;
    }

    private void WarnUnused(IReadOnlyList<InjectDraft> injects, Scenario scope)
    {
        var served = injects.SelectMany(i => i.Value.Objectives).ToHashSet(StringComparer.Ordinal);
        foreach (var objective in objectives.Where(o => o.Value.Id.Length > 0 && !served.Contains(o.Value.Id)))
        {
            diagnostics.Warning(objective.IdAt, DiagnosticCodes.ObjectiveNotServed, $"no inject serves objective '{objective.Value.Id}'");
        }

        var reached = injects.Where(i => i.To is not null)
            .SelectMany(i => scope.ResolveRecipients(i.Value.Recipients))
            .Select(t => t.OrganizationId)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var organization in organizations.Where(o => o.Value.Id.Length > 0 && !reached.Contains(o.Value.Id)))
        {
            diagnostics.Warning(organization.IdAt, DiagnosticCodes.OrganizationReceivesNothing,
                $"organization '{organization.Value.Id}' receives no inject");
        }
    }

    private static IEnumerable<IdRef> Ids(IEnumerable<(string Id, SourcePosition At)> ids) =>
        ids.Where(i => i.Id.Length > 0).Select(i => new IdRef(i.Id, i.At));
}
