using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Kpis;

/// <summary>
/// How each incident inject travelled from each organization it was delivered to (its origin). Information about
/// the inject reaches organization X at the first MessageReceived row to X, sent by an organization already
/// reached, whose message regards the inject or forwards (RefSeq) a row that carried it: the origin's delivery
/// or an earlier such message. The stages are the origin's ministry (ReportsTo), the national centre(s), its
/// CEPTOAR, and any operator of another of the 15 critical-infrastructure sectors; a stage without organizations is left out.
/// </summary>
internal static class ReportingChains
{
    public static (IReadOnlyList<ReportingChain> Chains, IReadOnlyList<StageReachability> Reachability) Of(ExerciseLog log)
    {
        var incidents = log.AllInjects.Where(i => i.Incident).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        if (incidents.Count == 0) return ([], []);
        var deliveries = log.Events.Where(e => e.Kind == EventKind.InjectDelivered && incidents.Contains(e.InjectId!)).ToLookup(e => e.InjectId!);
        // Only a message regarding an inject or forwarding a row can carry one; read each such payload once.
        var carriers = log.Events
            .Where(e => e.Kind == EventKind.MessageReceived && e.OrganizationId is not null && (e.RefSeq is not null || e.InjectId is not null))
            .Select(e => (Event: e, From: ReviewPayloads.Read<MessagePayload>(e).From))
            .ToArray();
        var centres = log.Scenario.Organizations.Where(o => o.Sector == Sector.NationalCentre).Select(o => o.Id).ToArray();
        var windows = log.Scenario.Review.ReachWithin;
        var chains = new List<ReportingChain>();
        var reachability = new List<StageReachability>();
        foreach (var injectId in log.AllInjects.Select(i => i.Id).Where(incidents.Contains))
        {
            var stages = new Dictionary<ChainStageKind, StageTally>();
            foreach (var delivered in deliveries[injectId])
            {
                if (log.Organization(delivered.OrganizationId) is not { } origin) continue;
                var reached = Spread(delivered, injectId, carriers);
                var members = new (ChainStageKind Stage, IReadOnlyList<string> Organizations, TimeSpan Window)[]
                {
                    (ChainStageKind.Ministry, origin.ReportsTo is { } ministry ? [ministry] : [], windows.Ministry),
                    (ChainStageKind.NationalCentre, centres, windows.NationalCentre),
                    (ChainStageKind.Ceptoar, origin.Ceptoar is { } ceptoar ? [ceptoar] : [], windows.Ceptoar),
                    (ChainStageKind.OtherSector, log.Scenario.Organizations
                        .Where(o => IsOperatorSector(o.Sector) && o.Sector != origin.Sector).Select(o => o.Id).ToArray(), windows.OtherSector),
                };
                var chainStages = new List<ChainStage>();
                // A stage with no organization (an operator with no ministry) is not part of this origin's chain.
                foreach (var (stage, organizations, window) in members.Where(m => m.Organizations.Count > 0))
                {
                    var hits = organizations.Where(reached.ContainsKey).Select(o => (Organization: o, Row: reached[o].Row))
                        .OrderBy(h => h.Row.Seq).ToArray();
                    var firstHit = hits.Length > 0 ? hits[0] : default;
                    var duration = firstHit.Row is { } row ? Since(delivered, row) : null;
                    var id = firstHit.Organization ?? (stage == ChainStageKind.OtherSector ? null : organizations.FirstOrDefault());
                    chainStages.Add(new ChainStage(stage, id, duration, window, duration is not null && duration.Scenario <= window));
                    var tally = stages.TryGetValue(stage, out var t) ? t : stages[stage] = new StageTally(window);
                    tally.Add(organizations.Count, hits.Select(h => Since(delivered, h.Row).Scenario), log, hits.Select(h => h.Organization));
                }
                var path = reached.Values.Where(r => r.Row.Kind == EventKind.MessageReceived).OrderBy(r => r.Row.Seq)
                    .Select(r => new ChainHop(r.Row.Seq, r.From, r.Row.OrganizationId!, r.Row.WallTime, r.Row.ScenarioTime,
                        ReviewPayloads.Read<MessagePayload>(r.Row).Subject, r.Row.RefSeq))
                    .ToArray();
                var neverReached = members.SelectMany(m => m.Organizations).Distinct()
                    .Where(o => o != origin.Id && !reached.ContainsKey(o)).ToArray();
                chains.Add(new ReportingChain(injectId, origin.Id, delivered.WallTime, delivered.ScenarioTime, chainStages, path, neverReached));
            }
            reachability.AddRange(stages.OrderBy(s => s.Key).Select(s => s.Value.ToReachability(injectId, s.Key)));
        }
        return (chains, reachability);
    }

    /// <summary>The 15 critical-infrastructure sectors come first in <see cref="Sector"/>, before the bodies beside them.</summary>
    public static bool IsOperatorSector(Sector sector) => sector < Sector.NationalCentre;

    /// <summary>Each organization the information reached from the origin, with the row that first reached it and its sender.</summary>
    private static Dictionary<string, (ExerciseEvent Row, string From)> Spread(
        ExerciseEvent delivered, string injectId, IReadOnlyList<(ExerciseEvent Event, string From)> carriers)
    {
        var reached = new Dictionary<string, (ExerciseEvent Row, string From)>(StringComparer.Ordinal)
        {
            [delivered.OrganizationId!] = (delivered, delivered.OrganizationId!),
        };
        var carrying = new HashSet<long> { delivered.Seq };
        foreach (var (e, from) in carriers)
        {
            if (e.Seq <= delivered.Seq || !reached.ContainsKey(from)) continue;
            if (e.InjectId != injectId && !(e.RefSeq is { } forwarded && carrying.Contains(forwarded))) continue;
            carrying.Add(e.Seq);
            reached.TryAdd(e.OrganizationId!, (e, from));
        }
        return reached;
    }

    private static Duration Since(ExerciseEvent delivered, ExerciseEvent e) =>
        new(e.ScenarioTime - delivered.ScenarioTime, e.WallTime - delivered.WallTime);

    /// <summary>One stage's organizations and reaches, summed over the inject's origins.</summary>
    private sealed class StageTally(TimeSpan window)
    {
        private readonly List<(TimeSpan After, string Organization, Sector Sector)> _reaches = [];
        private int _organizations;

        public void Add(int organizations, IEnumerable<TimeSpan> after, ExerciseLog log, IEnumerable<string> reached)
        {
            _organizations += organizations;
            _reaches.AddRange(after.Zip(reached, (t, o) => (t, o, log.Organization(o)!.Sector)));
        }

        public StageReachability ToReachability(string injectId, ChainStageKind stage)
        {
            var spread = new List<SpreadPoint>();
            var sectors = new HashSet<Sector>();
            var count = 0;
            foreach (var reach in _reaches.OrderBy(r => r.After))
            {
                sectors.Add(reach.Sector);
                spread.Add(new SpreadPoint(reach.After, sectors.Count, ++count));
            }
            return new StageReachability(injectId, stage, _organizations, _reaches.Count(r => r.After <= window), _reaches.Count, window, spread);
        }
    }
}
