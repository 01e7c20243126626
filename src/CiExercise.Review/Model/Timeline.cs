using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Model;

/// <summary>
/// One row of the merged after-action timeline: an event of the log with what a reader filters and sorts by.
/// ObjectiveIds are the objectives of its inject (or of the observation or task rating it records).
/// Summary is a one-line text in English and Japanese (subject, choice, rating, ...), at most 200 characters.
/// </summary>
public sealed record TimelineEntry(
    long Seq,
    EventKind Kind,
    DateTimeOffset WallTime,
    TimeSpan ScenarioTime,
    string? OrganizationId,
    Sector? Sector,
    string ActorId,
    string ActorRole,
    string? InjectId,
    IReadOnlyList<string> ObjectiveIds,
    long? RefSeq,
    LocalizedText Summary);

/// <summary>What a reader narrows the timeline to; every member null or empty means everything.</summary>
public sealed record TimelineFilter(
    IReadOnlyList<string>? OrganizationIds = null,
    IReadOnlyList<Sector>? Sectors = null,
    IReadOnlyList<string>? Roles = null,
    IReadOnlyList<string>? InjectIds = null,
    IReadOnlyList<string>? ObjectiveIds = null,
    IReadOnlyList<EventKind>? Kinds = null,
    TimeSpan? ScenarioFrom = null,
    TimeSpan? ScenarioTo = null);

/// <summary>
/// One page of the timeline in seq order after AfterSeq. NextAfterSeq is where the next page starts (null: the
/// end). Matched counts every row the filter matches, for the reader's scroll bar.
/// </summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, long? NextAfterSeq, int Matched);
