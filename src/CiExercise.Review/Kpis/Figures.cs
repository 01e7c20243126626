using System.Text.Json;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;
using RoleLookup = System.Collections.Generic.IReadOnlyDictionary<long, System.Collections.Generic.IReadOnlyList<string>>;

namespace CiExercise.Review.Kpis;

/// <summary>Response figures of groups of responses: per organization, per sector and for the whole exercise.</summary>
internal static class Figures
{
    public const string ExerciseKey = "exercise";

    public static IReadOnlyList<ResponseFigures> PerOrganization(RoleLookup roles, ExerciseLog log, IReadOnlyList<InjectResponse> responses)
    {
        var byOrganization = responses.ToLookup(r => r.OrganizationId);
        return log.Scenario.Organizations.Select(o => Of(roles, o.Id, byOrganization[o.Id].ToArray(), organizations: 1)).ToArray();
    }

    public static IReadOnlyList<ResponseFigures> PerSector(RoleLookup roles, ExerciseLog log, IReadOnlyList<InjectResponse> responses)
    {
        var byOrganization = responses.ToLookup(r => r.OrganizationId);
        return log.Scenario.Organizations.GroupBy(o => o.Sector).OrderBy(g => g.Key)
            .Select(g => Of(roles, SectorKey(g.Key), g.SelectMany(o => byOrganization[o.Id]).ToArray(), g.Count()))
            .ToArray();
    }

    public static ResponseFigures Exercise(RoleLookup roles, ExerciseLog log, IReadOnlyList<InjectResponse> responses) =>
        Of(roles, ExerciseKey, responses, log.Scenario.Organizations.Count);

    /// <summary>The sector as scenario files and the JSON API name it ("electric-power").</summary>
    public static string SectorKey(Sector sector) => JsonNamingPolicy.KebabCaseLower.ConvertName(sector.ToString());

    private static ResponseFigures Of(RoleLookup roles, string key, IReadOnlyList<InjectResponse> group, int organizations)
    {
        var acknowledge = group.Where(r => r.Acknowledge is not null).Select(r => r.Acknowledge!.Scenario).Order().ToArray();
        var decide = group.Where(r => r.FirstDecision is not null).Select(r => r.FirstDecision!.Scenario).Order().ToArray();
        return new ResponseFigures(key, organizations, group.Count, acknowledge.Length, decide.Length,
            group.Count(r => r.RespondBy is not null), group.Count(r => r.InsideWindow == true), group.Count(r => r.Overdue),
            group.Count - decide.Length, Median(acknowledge), Percentile(acknowledge, 0.9), Median(decide), Percentile(decide, 0.9),
            ByRole(roles, group));
    }

    /// <summary>
    /// Per role: the deliveries meant for it (all roles of the organization when the inject named none), those it
    /// acknowledged and answered itself, and how many of its answers came inside the window.
    /// </summary>
    private static IReadOnlyList<RoleFigures> ByRole(RoleLookup roles, IReadOnlyList<InjectResponse> group)
    {
        var figures = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        int[] Of(string role) => figures.TryGetValue(role, out var f) ? f : figures[role] = new int[5];
        foreach (var r in group)
        {
            foreach (var role in roles.GetValueOrDefault(r.DeliveredSeq) ?? [])
            {
                Of(role)[0]++;
                if (r.RespondBy is not null) Of(role)[3]++;
            }
            if (r.AcknowledgedByRole is { } ack) Of(ack)[1]++;
            if (r.DecidedByRole is { } decided)
            {
                Of(decided)[2]++;
                if (r.InsideWindow == true) Of(decided)[4]++;
            }
        }
        return figures.Select(f => new RoleFigures(f.Key, f.Value[0], f.Value[1], f.Value[2], f.Value[3], f.Value[4])).ToArray();
    }

    /// <summary>The middle value, or the mean of the two middle ones (null for none).</summary>
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted) =>
        sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : TimeSpan.FromTicks((sorted[sorted.Count / 2 - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);

    /// <summary>The nearest-rank percentile: the smallest value at least share of the values are at or below.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double share) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
