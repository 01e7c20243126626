using CiExercise.Contracts.Events;
using CiExercise.Review.Model;

namespace CiExercise.Review.Timeline;

/// <summary>Narrows the timeline by a filter and pages it by seq.</summary>
internal static class TimelineQuery
{
    /// <summary>entries[i] is the row of events[i]; visible, when given, is asked about the event (its audience).</summary>
    public static TimelinePage Page(
        IReadOnlyList<TimelineEntry> entries, IReadOnlyList<ExerciseEvent> events, TimelineFilter filter, long afterSeq, int limit,
        Func<ExerciseEvent, bool>? visible)
    {
        var matches = Matcher(filter);
        var page = new List<TimelineEntry>(Math.Min(limit, 64));
        var matched = 0;
        var more = false;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!matches(entry) || visible is not null && !visible(events[i])) continue;
            matched++;
            if (entry.Seq <= afterSeq) continue;
            if (page.Count < limit) page.Add(entry);
            else more = true;
        }
        return new TimelinePage(page, more ? page[^1].Seq : null, matched);
    }

    private static Func<TimelineEntry, bool> Matcher(TimelineFilter f)
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
            && (f.ScenarioTo is not { } to || e.ScenarioTime <= to);
    }

    private static HashSet<string>? Set(IReadOnlyList<string>? values) =>
        values is { Count: > 0 } ? values.ToHashSet(StringComparer.Ordinal) : null;
}
