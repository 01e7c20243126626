using System.Net.Mail;
using CiExercise.Contracts.Scenarios;
using CiExercise.Storage.JoinLinks;

namespace CiExercise.Server.Roster;

/// <summary>One person of a valid row: who gets a link.</summary>
public sealed record RosterEntry(int Row, string Name, Organization Organization, string Role, string? Email);

/// <summary>The rows checked against the scenario: the people to issue links for, or every error (then none is issued).</summary>
public sealed record RosterPlan(RosterSheet Sheet, IReadOnlyList<RosterEntry> Entries, IReadOnlyList<RosterError> Errors, int ErrorCount)
{
    public bool Valid => ErrorCount == 0;
}

/// <summary>
/// Checks every row of a roster against the exercise's scenario and its existing links, collecting all the
/// errors at once. An organization is named by its id or, when that is unambiguous, its Japanese or English name.
/// </summary>
public static class RosterCheck
{
    public static RosterPlan Check(RosterSheet sheet, Scenario scenario, IEnumerable<JoinLink> existing, DateTimeOffset now)
    {
        var errors = new List<RosterError>();
        if (sheet.FileError is { } fileError) return Failed(sheet, [fileError]);
        if (sheet.Lines.Count == 0) return Failed(sheet, [new RosterError(null, null, "The file has no rows: it needs a header row and one row per person.")]);
        var (columns, headerError) = RosterColumns.From(sheet.Lines[0]);
        if (columns is null) return Failed(sheet, [headerError!]);

        var organizations = OrganizationIndex(scenario);
        var linked = existing.Where(l => l.Email is not null && l.IsUsableAt(now))
            .GroupBy(l => l.Email!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var emailRows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<RosterEntry>();
        foreach (var line in sheet.Lines.Skip(1))
        {
            var before = errors.Count;
            void Fail(int column, string message) => errors.Add(new RosterError(line.Row, columns.Header(column), message));

            var name = Required(line, columns.Name, "name", RosterLimits.MaxNameChars, Fail);
            var organizationText = Required(line, columns.Organization, "organization", RosterLimits.MaxOrganizationChars, Fail);
            var roleText = Required(line, columns.Role, "role", RosterLimits.MaxRoleChars, Fail);
            var organization = organizationText is null ? null : Resolve(organizations, scenario, organizationText, m => Fail(columns.Organization, m));
            var role = organization is null || roleText is null ? null : organization.Roles.FirstOrDefault(r => string.Equals(r, roleText, StringComparison.OrdinalIgnoreCase));
            if (organization is not null && roleText is not null && role is null)
                Fail(columns.Role, $"organization '{organization.Id}' has no role '{roleText}'; its roles are {string.Join(", ", organization.Roles)}");
            var email = columns.Email is { } emailColumn ? Email(line, emailColumn, emailRows, linked, m => Fail(emailColumn, m)) : null;
            if (errors.Count == before) entries.Add(new RosterEntry(line.Row, name!, organization!, role!, email));
        }

        if (entries.Count == 0 && errors.Count == 0) errors.Add(new RosterError(null, null, "The file has a header row but nobody under it."));
        return new RosterPlan(sheet, errors.Count == 0 ? entries : [], errors.Take(RosterLimits.MaxReportedErrors).ToList(), errors.Count);
    }

    private static RosterPlan Failed(RosterSheet sheet, RosterError[] errors) => new(sheet, [], errors, errors.Length);

    private static string? Required(RosterLine line, int column, string what, int maxChars, Action<int, string> fail)
    {
        var value = line.Cell(column);
        if (value.Length == 0) fail(column, $"the {what} is empty; every person needs one");
        else if (value.Length > maxChars) fail(column, $"the {what} has {value.Length:N0} characters; at most {maxChars:N0} are allowed");
        else return value;
        return null;
    }

    /// <summary>Every organization under its id and its names, loosely keyed (see <see cref="RosterColumns.Key"/>).</summary>
    private static Dictionary<string, List<Organization>> OrganizationIndex(Scenario scenario)
    {
        var index = new Dictionary<string, List<Organization>>(StringComparer.Ordinal);
        foreach (var organization in scenario.Organizations)
        {
            foreach (var key in new[] { organization.Id, organization.Name.Ja, organization.Name.En }.OfType<string>().Select(RosterColumns.Key).Distinct())
            {
                if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                list.Add(organization);
            }
        }

        return index;
    }

    private static Organization? Resolve(Dictionary<string, List<Organization>> index, Scenario scenario, string text, Action<string> fail)
    {
        if (scenario.FindOrganization(text) is { } exact) return exact;
        if (!index.TryGetValue(RosterColumns.Key(text), out var matches))
        {
            fail($"there is no organization '{text}' in this exercise's scenario (give its id, or its Japanese or English name)");
            return null;
        }

        if (matches.Count == 1) return matches[0];
        fail($"'{text}' could be any of the organizations {string.Join(", ", matches.Select(o => o.Id))}; give the organization's id");
        return null;
    }

    private static string? Email(RosterLine line, int column, Dictionary<string, int> seen, Dictionary<string, JoinLink> linked, Action<string> fail)
    {
        var value = line.Cell(column);
        if (value.Length == 0) return null;
        if (value.Length > RosterLimits.MaxEmailChars)
            fail($"the e-mail address has {value.Length:N0} characters; at most {RosterLimits.MaxEmailChars} are allowed");
        else if (!MailAddress.TryCreate(value, out var address) || address.Address != value || address.DisplayName.Length > 0)
            fail($"'{value}' is not an e-mail address");
        else if (seen.TryGetValue(value, out var firstRow)) fail($"'{value}' is also on row {firstRow}; each person once");
        else if (linked.TryGetValue(value, out var link))
            fail($"'{value}' already has a working join link ({link.Name}, {link.OrganizationId}); revoke it first or leave this row out");
        else
        {
            seen[value] = line.Row;
            return value;
        }

        return null;
    }
}
