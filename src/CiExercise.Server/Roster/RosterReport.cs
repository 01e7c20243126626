using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Identity;

namespace CiExercise.Server.Roster;

/// <summary>How many people of one organization a roster names, and how many of them with an e-mail address.</summary>
public sealed record RosterOrganizationCount(string OrganizationId, LocalizedText Name, int People, int WithEmail);

/// <summary>
/// The answer to a roster import or dry run: the file as read, every error (the first 500 listed, all
/// counted), the people per organization, and, once issued, each link with its URL.
/// </summary>
public sealed record RosterReport(
    bool DryRun, bool Valid, string Format, string? Encoding, int Rows, int ToIssue, int ErrorCount, IReadOnlyList<RosterError> Errors,
    IReadOnlyList<RosterOrganizationCount> Organizations, IReadOnlyList<IssuedJoinLink>? Links)
{
    public static RosterReport From(RosterPlan plan, bool dryRun, IReadOnlyList<IssuedJoinLink>? links = null) => new(
        dryRun, plan.Valid, plan.Sheet.Format, plan.Sheet.Encoding, Math.Max(0, plan.Sheet.Lines.Count - 1), plan.Entries.Count,
        plan.ErrorCount, plan.Errors,
        plan.Entries.GroupBy(e => e.Organization)
            .Select(g => new RosterOrganizationCount(g.Key.Id, g.Key.Name, g.Count(), g.Count(e => e.Email is not null))).ToList(),
        links);
}
