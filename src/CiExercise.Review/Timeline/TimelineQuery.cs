using CiExercise.Review.Model;

namespace CiExercise.Review.Timeline;

/// <summary>Narrows the timeline by a filter and pages it by seq.</summary>
internal static class TimelineQuery
{
    public static TimelinePage Page(IReadOnlyList<TimelineEntry> entries, TimelineFilter filter, long afterSeq, int limit, Func<TimelineEntry, bool>? visible)
    {
        var matches = Matcher(filter, visible);
        var page = new List<TimelineEntry>(Math.Min(limit, 64));
        var matched = 0;
        var more = false;
        foreach (var entry in entries)
        {
            if (!matches(entry)) continue;
            matched++;
            if (entry.Seq <= afterSeq) continue;
            if (page.Count < limit) page.Add(entry);
            else more = true;
        }
        return new TimelinePage(page, more ? page[^1].Seq : null, matched);
    }

    private static Func<TimelineEntry, bool> Matcher(TimelineFilter f, Func<TimelineEntry, bool>? visible)
    {
        var organizations = Set(f.OrganizationIds);
        var sectors = f.Sectors is { Count: > 0 } s ? s.ToHashSet() : null;
        var roles = Set(f.Roles);
        var injects = Set(f.InjectIds);
        var objectives = Set(f.ObjectiveIds);
        var kinds = f.Kinds is { Count: > 0 } k ? k.ToHashSet() : null;
        return e =>
            (organizations is null || e.OrganizationId is not null && organizations.Contains(e.OrganizationId))
            && (sectors is null || e.Sector is { } sector && sectors.Contains(sector))
            && (roles is null || roles.Contains(e.ActorRole))
            && (injects is null || e.InjectId is not null && injects.Contains(e.InjectId))
            && (objectives is null || e.ObjectiveIds.Any(objectives.Contains))
            && (kinds is null || kinds.Contains(e.Kind))
            && (f.ScenarioFrom is not { } from || e.ScenarioTime >= from)
            && (f.ScenarioTo is not { } to || e.ScenarioTime <= to)
            && (visible is null || visible(e));
    }

    private static HashSet<string>? Set(IReadOnlyList<string>? values) =>
        values is { Count: > 0 } ? values.ToHashSet(StringComparer.Ordinal) : null;
}
