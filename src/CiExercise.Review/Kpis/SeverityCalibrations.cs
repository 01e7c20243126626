using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Kpis;

/// <summary>
/// For each inject that asks for a severity rating: each organization's latest rated decision, against its
/// sector's mean, everyone's mean and the level the scenario's authors expected.
/// </summary>
internal static class SeverityCalibrations
{
    public static IReadOnlyList<SeverityCalibration> Of(ExerciseLog log)
    {
        var asking = log.AllInjects.Where(i => i.Severity is not null).ToArray();
        if (asking.Length == 0) return [];
        var latest = new Dictionary<(string Inject, string Organization), SeverityRating>();
        foreach (var e in log.Events)
        {
            if (e.Kind != EventKind.DecisionRecorded || e.OrganizationId is null || log.Inject(e.InjectId)?.Severity is null) continue;
            if (ReviewPayloads.Read<ParticipantActionPayload>(e).Severity is { } rating) latest[(e.InjectId!, e.OrganizationId)] = rating;
        }
        return asking.Select(inject =>
        {
            var expected = inject.Severity!.Expected;
            var rated = log.Scenario.Organizations
                .Select(o => (Organization: o, Rating: latest.GetValueOrDefault((inject.Id, o.Id))))
                .Where(r => r.Rating is not null)
                .ToArray();
            var sectors = rated.GroupBy(r => r.Organization.Sector).OrderBy(g => g.Key)
                .Select(g => new SectorSeverity(g.Key, g.Count(), g.Average(r => r.Rating!.Level)))
                .ToArray();
            var answers = rated.Select(r => new SeverityAnswer(r.Organization.Id, r.Organization.Sector, r.Rating!, r.Rating!.Level,
                sectors.First(s => s.Sector == r.Organization.Sector).Mean, expected is { } x ? r.Rating!.Level - x : null)).ToArray();
            return new SeverityCalibration(inject.Id, expected, answers.Length == 0 ? null : answers.Average(a => a.Level), answers, sectors);
        }).ToArray();
    }
}
