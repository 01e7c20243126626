using CiExercise.Review.Evaluation;
using CiExercise.Review.Kpis;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;
using CiExercise.Review.Timeline;

namespace CiExercise.Review;

/// <summary>A review computed once from one record: the review itself and the timeline rows it is paged from.</summary>
internal sealed record ComputedReview(ExerciseLog Log, ExerciseReview Review, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>Computes the whole review of a record: fold, timeline, bands, KPIs, evaluation and participation.</summary>
internal static class ReviewBuilder
{
    public static ComputedReview Build(ExerciseLog log)
    {
        var fold = ExerciseFold.Of(log, log.LastSeq);
        var (responses, roles) = Responses.Of(log, fold);
        var escalations = Escalations.Of(log, responses);
        var (chains, reachability) = ReportingChains.Of(log);
        var severity = SeverityCalibrations.Of(log);
        var kpis = new KpiReport(responses, Figures.PerOrganization(roles, log, responses), Figures.PerSector(roles, log, responses),
            Figures.Exercise(roles, log, responses), escalations, chains, reachability, severity,
            KpiMisses.Of(responses, escalations, chains, severity));
        var started = log.Events.FirstOrDefault(e => e.Kind == Contracts.Events.EventKind.ExerciseStarted);
        var ended = log.Events.FirstOrDefault(e => e.Kind == Contracts.Events.EventKind.ExerciseEnded);
        var review = new ExerciseReview(log.Id, log.Name, log.Scenario, fold.Exercise.Status, log.LastSeq, started?.WallTime, ended?.WallTime,
            fold.ScenarioNow, ClockBands.Of(log), kpis, Evaluations.Of(log), Participation.Of(log, responses))
        {
            Cascades = Cascades.Cascades.Of(log),
        };
        return new ComputedReview(log, review, TimelineEntries.Of(log));
    }
}
