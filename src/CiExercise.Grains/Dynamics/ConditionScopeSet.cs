using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Dynamics;

/// <summary>
/// The organizations a condition counts and how many of them must act: one organization; the organizations of a
/// sector; or anyone — among the recipients of the inject the condition names, or among all organizations when it
/// names none. Share is the part that must act (at least one).
/// </summary>
internal sealed record ConditionScopeSet(IReadOnlySet<string> Members, int Needed, string Words, bool Single)
{
    public static ConditionScopeSet Of(Scenario scenario, ConditionScope by, string? injectId)
    {
        if (by.OrganizationId is { } organization) return new(new HashSet<string> { organization }, 1, organization, Single: true);
        var inject = injectId is null ? null : scenario.FindInject(injectId);
        IEnumerable<Organization> pool = inject is null
            ? scenario.Organizations
            : scenario.ResolveRecipients(inject.Recipients).Select(t => scenario.FindOrganization(t.OrganizationId)!);
        if (by.Sector is { } sector) pool = pool.Where(o => o.Sector == sector);
        var members = pool.Select(o => o.Id).ToHashSet();
        var needed = by.Share is { } share ? Math.Max(1, (int)Math.Ceiling(share * members.Count - 1e-9)) : 1;
        var words = by.Sector is { } named ? $"{ConditionWords.Sector(named)} organizations" : inject is null ? "organizations" : "recipients";
        return new(members, needed, words, Single: false);
    }

    /// <summary>The first act of each member, in record order: the needed-th is where the condition was met.</summary>
    public IReadOnlyList<(string OrganizationId, Mark Mark)> FirstActs(IEnumerable<(string OrganizationId, Mark Mark)> acts) =>
        [.. acts.Where(a => Members.Contains(a.OrganizationId))
            .GroupBy(a => a.OrganizationId)
            .Select(g => g.MinBy(a => a.Mark.Seq))
            .OrderBy(a => a.Mark.Seq)];
}
