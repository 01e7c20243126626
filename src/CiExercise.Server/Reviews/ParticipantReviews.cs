using CiExercise.Review.Model;
using CiExercise.Server.Exercises;

namespace CiExercise.Server.Reviews;

/// <summary>
/// What a participant may see of a review once the exercise has ended: its own organization only. Its responses,
/// escalations, misses, severity answers and participation; the reporting chains it started or carried; the
/// injects delivered to it, as delivered (no answer key). No evaluation, no other organization's figures: its own
/// figures stand in place of the exercise's, and the sector and reachability figures are left out.
/// </summary>
internal static class ParticipantReviews
{
    public static ExerciseReview Filter(ExerciseReview review, string organizationId)
    {
        var kpis = review.Kpis;
        var delivered = kpis.Responses.Where(r => r.OrganizationId == organizationId).Select(r => r.InjectId).ToHashSet(StringComparer.Ordinal);
        var own = kpis.Organizations.Single(f => f.Key == organizationId);
        var scenario = review.Scenario with
        {
            Organizations = review.Scenario.Organizations.Where(o => o.Id == organizationId).ToArray(),
            Objectives = [],
            Injects = review.Scenario.Injects.Where(i => delivered.Contains(i.Id))
                .Select(i => ParticipantViews.AsDelivered(i, organizationId, [])).ToArray(),
        };
        var filtered = new KpiReport(
            kpis.Responses.Where(r => r.OrganizationId == organizationId).ToArray(),
            [own],
            [],
            own,
            kpis.Escalations.Where(e => e.OrganizationId == organizationId).ToArray(),
            kpis.Chains.Where(c => c.OriginOrganizationId == organizationId || c.Path.Any(h => h.From == organizationId || h.To == organizationId)).ToArray(),
            [],
            kpis.Severity.Select(s => s with
            {
                Mean = null,
                Answers = s.Answers.Where(a => a.OrganizationId == organizationId).ToArray(),
                Sectors = [],
            }).Where(s => delivered.Contains(s.InjectId)).ToArray(),
            kpis.Misses.Where(m => m.OrganizationId == organizationId).ToArray());
        var participation = new ParticipationReport(
            review.Participation.Organizations.Where(o => o.OrganizationId == organizationId).ToArray(),
            review.Participation.Lateness.Where(l => delivered.Contains(l.InjectId)).ToArray(),
            review.Participation.HotWash.Where(h => h.OrganizationId == organizationId).ToArray());
        // Services are public to every participant; a cascade is its own when one of its services is, and of the
        // restoring decisions only its own are shown.
        var ownServices = review.Scenario.Services.Where(s => s.OrganizationId == organizationId).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var cascades = review.Cascades
            .Where(c => ownServices.Contains(c.ServiceId) || c.Followed.Any(f => ownServices.Contains(f.ServiceId)))
            .Select(c => c with { Decisions = c.Decisions.Where(d => d.OrganizationId == organizationId).ToArray() })
            .ToArray();
        return review with
        {
            Cascades = cascades,
            Scenario = scenario,
            Kpis = filtered,
            Evaluation = new EvaluationReport([], [], [], []),
            Participation = participation,
        };
    }
}
