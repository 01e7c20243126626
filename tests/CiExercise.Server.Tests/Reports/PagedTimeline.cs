using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review;
using CiExercise.Review.Model;

namespace CiExercise.Server.Tests.Reports;

/// <summary>A timeline of n events served two a page, counting the pages asked for: the paging of the timeline table, alone.</summary>
internal sealed class PagedTimeline(int events) : IExerciseReviews
{
    public int Pages { get; private set; }

    public Task<TimelinePage> TimelineAsync(string exerciseId, TimelineFilter filter, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        Pages++;
        var entries = Enumerable.Range((int)afterSeq + 1, Math.Max(0, Math.Min(2, events - (int)afterSeq)))
            .Select(seq => new TimelineEntry(seq, EventKind.MessageSent, DateTimeOffset.UnixEpoch, TimeSpan.Zero, "bank", Sector.Finance,
                "sato", "operator", null, [], null, new LocalizedText("件名", "subject")))
            .ToList();
        long? next = entries.Count > 0 && entries[^1].Seq < events ? entries[^1].Seq : null;
        return Task.FromResult(new TimelinePage(entries, next, events));
    }

    public Task<ExerciseReview> GetAsync(string exerciseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ReplaySnapshot> ReplayAsync(string exerciseId, long atSeq, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ReplayOrganization> ReplayOrganizationAsync(string exerciseId, string organizationId, long atSeq, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<long> SeqAtScenarioTimeAsync(string exerciseId, TimeSpan t, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
