using CiExercise.Review.Model;

namespace CiExercise.Review.Kpis;

/// <summary>Every KPI an organization missed, one row each: what a corrective action names and the next exercise checks again.</summary>
internal static class KpiMisses
{
    /// <summary>A rating this many levels or more from the expected one is a miss.</summary>
    public const int SeverityTolerance = 2;

    public static IReadOnlyList<KpiMiss> Of(
        IReadOnlyList<InjectResponse> responses, IReadOnlyList<EscalationKpi> escalations,
        IReadOnlyList<ReportingChain> chains, IReadOnlyList<SeverityCalibration> severity)
    {
        var misses = new List<KpiMiss>();
        foreach (var r in responses)
        {
            if (r.Acknowledge is null) misses.Add(new(r.OrganizationId, KpiKind.Acknowledgement, r.InjectId, "never acknowledged"));
            if (r.RespondBy is { } by && r.InsideWindow != true)
                misses.Add(new(r.OrganizationId, KpiKind.ResponseWindow, r.InjectId,
                    r.FirstDecision is null ? $"no decision by {by:c}" : $"decided after {by:c}"));
        }
        misses.AddRange(escalations.Where(e => e.Escalated is null)
            .Select(e => new KpiMiss(e.OrganizationId, KpiKind.Escalation, e.InjectId, "no executive or CISO acted")));
        foreach (var chain in chains)
        foreach (var stage in chain.Stages.Where(s => !s.InsideWindow))
            misses.Add(new(chain.OriginOrganizationId, KindOf(stage.Stage), chain.InjectId,
                stage.Reached is null ? $"{stage.Stage} never reached" : $"{stage.Stage} reached after {stage.Reached.Scenario:c}, window {stage.Window:c}"));
        foreach (var calibration in severity)
            misses.AddRange(calibration.Answers.Where(a => a.FromExpected is { } d && Math.Abs(d) >= SeverityTolerance)
                .Select(a => new KpiMiss(a.OrganizationId, KpiKind.SeverityCalibration, calibration.InjectId,
                    $"rated {a.Level}, expected {calibration.Expected}")));
        return misses;
    }

    private static KpiKind KindOf(ChainStageKind stage) => stage switch
    {
        ChainStageKind.Ministry => KpiKind.ReportToMinistry,
        ChainStageKind.NationalCentre => KpiKind.ReportToNationalCentre,
        ChainStageKind.Ceptoar => KpiKind.ReportToCeptoar,
        _ => KpiKind.CrossSector,
    };
}
