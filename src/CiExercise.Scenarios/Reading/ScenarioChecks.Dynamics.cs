using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// The checks of scenario dynamics: what services, conditions, effects and restores name exists, and every branch of
/// a condition can fire from the script alone (a controller can still release or cancel by hand, but a scenario
/// that needs one to is a mistake of its author).
/// </summary>
internal sealed partial class ScenarioChecks
{
    public void CheckDynamics(IReadOnlyList<ServiceDraft> services, IReadOnlyList<InjectDraft> injects, TimeSpan? duration)
    {
        Uniqueness.Check(diagnostics, Ids(services.Select(s => (s.Value.Id, s.IdAt))), "service id");
        new ServiceGraphCheck(diagnostics, services, _organizationIds).Run();
        var firing = new FiringAnalysis(injects, services);
        var explained = ReportHoldLoops(injects, firing);
        foreach (var inject in injects)
        {
            CheckDynamics(inject, firing, duration, explained);
        }
    }

    private void CheckDynamics(InjectDraft inject, FiringAnalysis firing, TimeSpan? duration, HashSet<(string, HoldNode)> explained)
    {
        var what = $"inject '{inject.Value.Id}'";
        foreach (var effect in inject.Effects.Where(e => !firing.IsKnownService(e.Service.Id)))
        {
            diagnostics.Error(effect.Service.At, DiagnosticCodes.UnknownService, $"{what} has an effect on unknown service '{effect.Service.Id}'");
        }

        foreach (var choice in inject.Choices)
        {
            foreach (var service in choice.Restores.Where(r => !firing.IsKnownService(r.Id)))
            {
                diagnostics.Error(service.At, DiagnosticCodes.UnknownService, $"choice '{choice.Id.Id}' of {what} restores unknown service '{service.Id}'");
            }
        }

        if (inject.Hold is not { } hold)
        {
            return;
        }

        if (hold is { DeadlineAt: { } deadlineAt, Value.Deadline: { } deadline })
        {
            CheckInRange(deadline, deadlineAt, duration, $"deadline of {what}");
            var earliest = firing.Fires(inject.Value.Id);
            if (earliest != FiringAnalysis.Never && deadline < earliest)
            {
                diagnostics.Error(deadlineAt, DiagnosticCodes.TooEarly,
                    $"deadline of {what} is {TimeSyntax.FormatOffset(deadline)}, before it can fire ({TimeSyntax.FormatOffset(earliest)} at the earliest): it is always cancelled");
            }
        }

        foreach (var (part, tree) in new[] { ("when", hold.When), ("unless", hold.Unless) })
        {
            foreach (var leaf in tree?.Leaves ?? [])
            {
                CheckLeaf(leaf, inject, $"'{KebabNames<ConditionKind>.NameOf(leaf.Value.Kind)}' in {part} of {what}", firing, duration, explained);
            }
        }
    }

    private void CheckLeaf(ConditionDraft leaf, InjectDraft owner, string label, FiringAnalysis firing, TimeSpan? duration,
        HashSet<(string, HoldNode)> explained)
    {
        if (leaf.To is { } to && !_organizationIds.Contains(to.Id))
        {
            diagnostics.Error(to.At, DiagnosticCodes.UnknownOrganization, $"{label} waits for a message to unknown organization '{to.Id}'");
        }

        var target = leaf.Inject is { } named ? firing.FindInject(named.Id) : null;
        if (leaf.Inject is { } reference && target is null)
        {
            diagnostics.Error(reference.At, DiagnosticCodes.UnknownInject, $"{label} names unknown inject '{reference.Id}'");
        }

        CheckScope(leaf, label, target);
        if (leaf.Value.Kind == ConditionKind.Service)
        {
            CheckServiceLeaf(leaf, owner, label, firing, explained);
        }

        if (target is null)
        {
            return;
        }

        var targetWhat = $"inject '{target.Value.Id}'";
        CheckAsked(leaf, label, target.Value, targetWhat);
        if (leaf.Value.Kind == ConditionKind.NotAcknowledged && leaf.DetailAt is { } atAt)
        {
            CheckInRange(leaf.Value.At!.Value, atAt, duration, $"'at' of {label}");
        }

        var fires = firing.Fires(target.Value.Id);
        if (fires == FiringAnalysis.Never)
        {
            if (!explained.Contains((owner.Value.Id, HoldNode.Of(target.Value.Id))))
            {
                diagnostics.Error(leaf.Inject!.At, DiagnosticCodes.NeverFires,
                    $"{label} waits on {targetWhat}, which never fires (its 'when' can never hold), so this can never hold");
            }
        }
        else if (leaf.Value.Kind == ConditionKind.NotAcknowledged && leaf.Value.At < fires)
        {
            diagnostics.Error(leaf.DetailAt!.Value, DiagnosticCodes.TooEarly,
                $"{label} is judged at {TimeSyntax.FormatOffset(leaf.Value.At.Value)}, before {targetWhat} can fire ({TimeSyntax.FormatOffset(fires)} at the earliest)");
        }
    }

    /// <summary>A choice the inject offers; a severity rating or report form it asks for.</summary>
    private void CheckAsked(ConditionDraft leaf, string label, Inject target, string targetWhat)
    {
        if (leaf.Choice is { } choice && target.Choices.All(c => c.Id != choice.Id))
        {
            diagnostics.Error(choice.At, DiagnosticCodes.UnknownChoice, target.Choices.Count == 0
                ? $"{label} waits for choice '{choice.Id}', but {targetWhat} offers no choices"
                : $"{label} waits for choice '{choice.Id}', which {targetWhat} does not offer; it offers: {string.Join(", ", target.Choices.Select(c => c.Id))}");
        }

        if (leaf.Value.Kind == ConditionKind.Severity && target.Severity is null)
        {
            diagnostics.Error(leaf.Inject!.At, DiagnosticCodes.AnswerNotAsked, $"{label} waits for a severity rating, but {targetWhat} asks for none (give it 'severity')");
        }
        else if (leaf.Value.Kind == ConditionKind.Report && target.Form is null)
        {
            diagnostics.Error(leaf.Inject!.At, DiagnosticCodes.AnswerNotAsked, $"{label} waits for a report, but {targetWhat} has no 'form'");
        }
    }

    /// <summary>
    /// The scope names known organizations and sectors someone can act in: for a condition on an inject, its recipients
    /// (only they can decide, acknowledge, rate or report); otherwise every organization of the scenario.
    /// </summary>
    private void CheckScope(ConditionDraft leaf, string label, InjectDraft? target)
    {
        if (leaf.By is not { } by)
        {
            return;
        }

        var actsOnInject = leaf.Value.Kind is ConditionKind.Decision or ConditionKind.NotAcknowledged or ConditionKind.Severity or ConditionKind.Report;
        if (actsOnInject && target is null)
        {
            return;
        }

        var (who, actors) = actsOnInject
            ? ($"inject '{target!.Value.Id}' reaches", _scope.ResolveRecipients(target.Value.Recipients).Select(t => _scope.FindOrganization(t.OrganizationId)!).ToArray())
            : ("the scenario has", organizations.Select(o => o.Value).ToArray());
        if (by.Organization is { } organization)
        {
            if (!_organizationIds.Contains(organization.Id))
            {
                diagnostics.Error(organization.At, DiagnosticCodes.UnknownOrganization, $"{label} counts unknown organization '{organization.Id}'");
            }
            else if (actors.All(o => o.Id != organization.Id))
            {
                diagnostics.Error(organization.At, DiagnosticCodes.ScopeOutsideRecipients,
                    $"{label} counts organization '{organization.Id}', which {target!.Value.Id} does not reach");
            }
        }

        if (by.Value.Sector is { } sector && actors.All(o => o.Sector != sector))
        {
            diagnostics.Error(by.At, DiagnosticCodes.ScopeOutsideRecipients,
                $"{label} counts sector {KebabNames<Sector>.NameOf(sector)}, but none of the organizations {who} is in it");
        }
    }

    private void CheckServiceLeaf(ConditionDraft leaf, InjectDraft owner, string label, FiringAnalysis firing, HashSet<(string, HoldNode)> explained)
    {
        var service = leaf.Service!;
        var state = leaf.Value.State!.Value;
        if (!firing.IsKnownService(service.Id))
        {
            diagnostics.Error(service.At, DiagnosticCodes.UnknownService, $"{label} waits on unknown service '{service.Id}'");
            return;
        }

        if (firing.State(service.Id, state) != FiringAnalysis.Never || explained.Contains((owner.Value.Id, HoldNode.Of(service.Id, state))))
        {
            return;
        }

        diagnostics.Error(leaf.DetailAt ?? leaf.At, DiagnosticCodes.StateUnreachable, state == ServiceStatus.Up
            ? $"{label} waits for service '{service.Id}' to come back up, but nothing in the script takes it down or degrades it"
            : $"{label} waits for service '{service.Id}' to be {KebabNames<ServiceStatus>.NameOf(state)}, but no fired inject's effects and no dependency of it bring that about");
    }

    /// <summary>
    /// Reports held injects that wait on each other (directly, or through a service state only one of them brings
    /// about) once per loop, at the condition of its first inject that leads into the loop. Returns the waits the
    /// loops explain, so they are not reported again as conditions on injects that never fire.
    /// </summary>
    private HashSet<(string, HoldNode)> ReportHoldLoops(IReadOnlyList<InjectDraft> injects, FiringAnalysis firing)
    {
        var explained = new HashSet<(string, HoldNode)>();
        var held = injects.Where(i => i.Hold?.When is not null && firing.Fires(i.Value.Id) == FiringAnalysis.Never)
            .Select(i => HoldNode.Of(i.Value.Id));
        var states = injects.SelectMany(i => i.Hold?.When?.Leaves ?? []).Where(l => l.Service is not null)
            .Select(l => HoldNode.Of(l.Value.ServiceId!, l.Value.State!.Value))
            .Where(n => firing.State(n.Id, n.State) == FiringAnalysis.Never);
        var nodes = held.Concat(ClosedOverServices(states, firing)).Distinct().ToArray();
        foreach (var loop in GraphCycles.Find(nodes, n => Next(n, firing)).Where(l => l[0].IsInject))
        {
            for (var i = 0; i < loop.Count; i++)
            {
                if (loop[i].IsInject)
                {
                    explained.Add((loop[i].Id, loop[(i + 1) % loop.Count]));
                }
            }

            var first = firing.FindInject(loop[0].Id)!;
            var next = loop.Count > 1 ? loop[1] : loop[0];
            var leaf = first.Hold!.When!.Leaves.First(l => WaitsOn(l) == next);
            diagnostics.Error(leaf.Inject?.At ?? leaf.Service?.At ?? leaf.At, DiagnosticCodes.HoldCycle,
                $"held injects wait on each other, so none of them fires: {string.Join(" -> ", loop.Append(loop[0]))}");
        }

        return explained;
    }

    /// <summary>The service states a never-reached state waits on in turn (its dependencies'), so loops through them are found.</summary>
    private static IEnumerable<HoldNode> ClosedOverServices(IEnumerable<HoldNode> states, FiringAnalysis firing)
    {
        var seen = new HashSet<HoldNode>();
        var queue = new Queue<HoldNode>(states);
        while (queue.TryDequeue(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }

            foreach (var next in Next(node, firing).Where(n => !n.IsInject))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    /// <summary>What a node waits on: a held inject on what its when names; a service state on the injects and dependencies that bring it about.</summary>
    private static IEnumerable<HoldNode> Next(HoldNode node, FiringAnalysis firing)
    {
        if (node.IsInject)
        {
            return firing.FindInject(node.Id)?.Hold?.When?.Leaves.Select(WaitsOn).OfType<HoldNode>() ?? [];
        }

        if (node.State == ServiceStatus.Up)
        {
            return [HoldNode.Of(node.Id, ServiceStatus.Down), HoldNode.Of(node.Id, ServiceStatus.Degraded)];
        }

        var dependencies = firing.FindService(node.Id)?.Value.DependsOn ?? [];
        return firing.Causes(node.Id, node.State).Select(i => HoldNode.Of(i.Value.Id))
            .Concat(dependencies.Select(d => HoldNode.Of(d.ServiceId, node.State)));
    }

    private static HoldNode? WaitsOn(ConditionDraft leaf) =>
        leaf.Value.InjectId is { } inject ? HoldNode.Of(inject)
        : leaf.Value is { ServiceId: { } service, State: { } state } ? HoldNode.Of(service, state)
        : null;

    /// <summary>An inject, or a service in a state, in the graph of what held injects wait on.</summary>
    private sealed record HoldNode(string Id, bool IsInject, ServiceStatus State)
    {
        public static HoldNode Of(string injectId) => new(injectId, true, default);

        public static HoldNode Of(string serviceId, ServiceStatus state) => new(serviceId, false, state);

        public override string ToString() => IsInject ? Id : $"service {Id} {KebabNames<ServiceStatus>.NameOf(State)}";
    }
}
