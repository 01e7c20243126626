using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Grains.Scenarios;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;
using CiExercise.Review.Replay;
using CiExercise.Review.Timeline;

namespace CiExercise.Review;

/// <summary>
/// The reviews, computed from the event log and kept per exercise and last seq: a review of the same record is
/// always the same, so it is computed again only once the log has moved (a running exercise, or hot-wash answers
/// after the end), and then only the new events are read.
/// </summary>
public sealed class ReviewService(IExerciseCatalog catalog, IEventLog log, ExerciseScenarios scenarios, ReviewCache cache) : IExerciseReviews
{
    /// <summary>Rows read per page of the log: large enough for few round trips, small enough to bound each.</summary>
    public const int PageSize = 5000;

    public async Task<ExerciseReview> GetAsync(string exerciseId, CancellationToken cancellationToken = default) =>
        (await ComputedAsync(exerciseId, cancellationToken)).Review;

    public Task<TimelinePage> TimelineAsync(string exerciseId, TimelineFilter filter, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        TimelineAsync(exerciseId, filter, afterSeq, limit, visible: null, cancellationToken);

    /// <summary>As the port's, narrowed to the events visible says a reader may see (a participant's audience).</summary>
    public async Task<TimelinePage> TimelineAsync(
        string exerciseId, TimelineFilter filter, long afterSeq, int limit, Func<ExerciseEvent, bool>? visible, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > ReviewErrors.MaxTimelineLimit) throw ReviewErrors.LimitOutOfRange(limit);
        if (afterSeq < 0) throw ReviewErrors.AfterOutOfRange(afterSeq);
        var computed = await ComputedAsync(exerciseId, cancellationToken);
        return TimelineQuery.Page(computed.Timeline, computed.Log.Events, filter, afterSeq, limit, visible);
    }

    public async Task<ReplaySnapshot> ReplayAsync(string exerciseId, long atSeq, CancellationToken cancellationToken = default)
    {
        var computed = await ComputedAsync(exerciseId, cancellationToken);
        CheckSeq(computed.Log, atSeq);
        return Replays.Snapshot(computed.Log, atSeq);
    }

    public async Task<ReplayOrganization> ReplayOrganizationAsync(
        string exerciseId, string organizationId, long atSeq, CancellationToken cancellationToken = default)
    {
        var computed = await ComputedAsync(exerciseId, cancellationToken);
        if (computed.Log.Organization(organizationId) is null) throw ReviewErrors.OrganizationNotFound(exerciseId, organizationId);
        CheckSeq(computed.Log, atSeq);
        return Replays.Organization(computed.Log, organizationId, atSeq);
    }

    public async Task<long> SeqAtScenarioTimeAsync(string exerciseId, TimeSpan t, CancellationToken cancellationToken = default)
    {
        if (t < TimeSpan.Zero) throw ReviewErrors.TimeOutOfRange(t);
        return Replays.SeqAt((await ComputedAsync(exerciseId, cancellationToken)).Log, t);
    }

    private static void CheckSeq(ExerciseLog record, long atSeq)
    {
        if (atSeq < 1 || atSeq > record.LastSeq) throw ReviewErrors.SeqOutOfRange(record.Id, atSeq, record.LastSeq);
    }

    internal async Task<ComputedReview> ComputedAsync(string exerciseId, CancellationToken cancellationToken)
    {
        var lastSeq = await log.ReadLastSeqAsync(exerciseId, cancellationToken);
        if (lastSeq == 0) throw ReviewErrors.ExerciseNotFound(exerciseId);
        // Shared by every reader of the same record: computed once, not cancelled by any one of them.
        var computing = cache.GetOrAdd(exerciseId, lastSeq, previous => ComputeAsync(exerciseId, lastSeq, previous));
        return await computing.WaitAsync(cancellationToken);
    }

    private async Task<ComputedReview> ComputeAsync(string exerciseId, long lastSeq, ComputedReview? previous)
    {
        var record = await catalog.GetAsync(exerciseId, CancellationToken.None) ?? throw ReviewErrors.ExerciseNotFound(exerciseId);
        var events = new List<ExerciseEvent>(previous?.Log.Events ?? []);
        while (events.Count == 0 || events[^1].Seq < lastSeq)
        {
            var after = events.Count == 0 ? 0 : events[^1].Seq;
            var page = await log.ReadAsync(exerciseId, after, (int)Math.Min(PageSize, lastSeq - after), CancellationToken.None);
            if (page.Count == 0) break;
            events.AddRange(page.Where(e => e.Seq <= lastSeq));
        }
        return await Task.Run(() => ReviewBuilder.Build(new ExerciseLog(record.Id, record.Name, scenarios.Of(record), events)));
    }
}
