using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Improvement;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Model;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using System.Text.Json;

namespace CiExercise.Server.Improvement;

/// <summary>What a checked request names, in the scenario's own spelling.</summary>
internal sealed record CheckedAction(
    string? ObjectiveId, string? Capability, string? TaskId, long? ObservationSeq, string? Kpi, string Finding, string Action,
    string? OwnerOrganizationId, DateOnly? Due, CorrectiveActionStatus Status);

/// <summary>
/// The checks of a corrective action against its exercise: every field bounded, and everything it names
/// (objective, task, organization, observation, KPI) found in the exercise's scenario or record.
/// </summary>
internal static class CorrectiveActionChecks
{
    public static async Task<CheckedAction?> CheckAsync(
        string exerciseId, CorrectiveActionRequest request, Scenario scenario, DateOnly earliestDue, DateOnly latestDue, IEventLog log,
        FieldErrors errors, CancellationToken cancellationToken)
    {
        errors.Required("finding", request.Finding).Length("finding", request.Finding, CorrectiveActionLimits.TextLength)
            .Required("action", request.Action).Length("action", request.Action, CorrectiveActionLimits.TextLength)
            .Id("objectiveId", request.ObjectiveId).Id("taskId", request.TaskId).Id("ownerOrganizationId", request.OwnerOrganizationId)
            .Length("capability", request.Capability, CorrectiveActionLimits.CapabilityLength).Length("kpi", request.Kpi, Limits.IdLength);
        if (errors.Any) return null;

        var objective = request.ObjectiveId is { } objectiveId ? scenario.Objectives.FirstOrDefault(o => o.Id == objectiveId) : null;
        if (request.ObjectiveId is not null && objective is null)
            errors.Add("objectiveId", $"The scenario has no objective '{request.ObjectiveId}'.");
        var capability = objective?.Capability;
        if (request.Capability is { } asked)
        {
            var named = scenario.Objectives.Select(o => o.Capability).FirstOrDefault(c => SameCapability(c, asked));
            if (named is null) errors.Add("capability", "No objective of the scenario tests this capability.");
            else if (objective is not null && !SameCapability(objective.Capability, asked))
                errors.Add("capability", $"Objective '{objective.Id}' tests the capability '{objective.Capability}'; leave 'capability' out or give that one.");
            capability ??= named;
        }
        if (request.TaskId is { } taskId)
        {
            if (request.ObjectiveId is null) errors.Add("taskId", "A task is named with its objective: give 'objectiveId' too.");
            else if (objective is not null && objective.FindTask(taskId) is null)
                errors.Add("taskId", $"Objective '{objective.Id}' has no critical task '{taskId}'.");
        }
        if (request.OwnerOrganizationId is { } owner && scenario.FindOrganization(owner) is null)
            errors.Add("ownerOrganizationId", $"The scenario has no organization '{owner}'.");
        string? kpi = null;
        if (request.Kpi is { } kpiName)
        {
            kpi = KpiName(kpiName);
            if (kpi is null) errors.Add("kpi", $"'kpi' is one of {string.Join(", ", Enum.GetNames<KpiKind>())}.");
        }
        if (request.Due is { } due && (due < earliestDue || due > latestDue))
            errors.Add("due", $"'due' is between {earliestDue:yyyy-MM-dd} and {latestDue:yyyy-MM-dd}.");
        if (request.Status is { } status && !Enum.IsDefined(status)) errors.Add("status", "'status' is open, in-progress, done or dropped.");
        if (request.ObservationSeq is { } seq)
        {
            if (seq <= 0) errors.Add("observationSeq", "'observationSeq' is the seq of an observation of this exercise (1 or more).");
            else if (!await IsObservationAsync(log, exerciseId, seq, cancellationToken))
                errors.Add("observationSeq", $"Event {seq} of exercise '{exerciseId}' is not an observation.");
        }
        if (errors.Any) return null;

        return new CheckedAction(objective?.Id, capability, request.TaskId, request.ObservationSeq, kpi, request.Finding!.Trim(),
            request.Action!.Trim(), request.OwnerOrganizationId, request.Due, request.Status ?? CorrectiveActionStatus.Open);
    }

    /// <summary>The KPI's name as CorrectiveAction.Kpi keeps it (ResponseWindow), from that name or its JSON spelling (response-window).</summary>
    public static string? KpiName(string value) =>
        Enum.GetNames<KpiKind>().FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase)
                                                        || JsonNamingPolicy.KebabCaseLower.ConvertName(name) == value);

    private static bool SameCapability(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> IsObservationAsync(IEventLog log, string exerciseId, long seq, CancellationToken cancellationToken)
    {
        var events = await log.ReadAsync(exerciseId, seq - 1, 1, cancellationToken);
        return events is [{ Kind: EventKind.ObservationRecorded } found] && found.Seq == seq;
    }
}
