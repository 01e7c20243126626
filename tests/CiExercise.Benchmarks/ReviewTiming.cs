using System.Diagnostics;
using System.Globalization;
using CiExercise.Contracts.Events;
using CiExercise.Review;
using CiExercise.Review.Loading;

namespace CiExercise.Benchmarks;

/// <summary>
/// "review [events]": the whole review of a national exercise (850 organizations, 50,000 events by default) against
/// a baseline measured in the same run on the same record: folding every event through the grains' folds
/// (ExerciseState and each OrganizationState), which is what rebuilding the exercise from its log costs. Each is
/// run once to warm up, then five times; the medians are printed with their ratio.
/// </summary>
internal static class ReviewTiming
{
    private const int Runs = 5;

    public static void Run(int events)
    {
        var (scenario, rows) = NationalReviewLog.Create(events);
        var log = new ExerciseLog(NationalReviewLog.ExerciseId, "National", scenario, rows);
        var fold = Median(() => ExerciseFold.Of(log, log.LastSeq));
        ComputedReview? computed = null;
        var review = Median(() => computed = ReviewBuilder.Build(log));
        var k = computed!.Review.Kpis;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Organizations.Count} organizations, {rows.Count} events ({rows.Count(r => r.Kind == EventKind.InjectDelivered)} deliveries, " +
            $"{k.Chains.Count} reporting chains, {k.Responses.Count} responses)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"baseline (fold every event): {fold.TotalMilliseconds:F0} ms; review: {review.TotalMilliseconds:F0} ms; " +
            $"review / baseline = {review / fold:F2}"));
    }

    private static TimeSpan Median(Action action)
    {
        action();
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed);
        }
        return times.Order().ElementAt(Runs / 2);
    }
}
