using CiExercise.Review.Model;

namespace CiExercise.Review.Report;

/// <summary>
/// The timeline as a table: every event of the exercise (or of the review's audience), read from the reviews page by
/// page so that the largest exercise is never held in memory. Bounded: a table of more rows than a spreadsheet holds
/// is refused before anything is written.
/// </summary>
public static class TimelineTable
{
    public const string Id = "timeline";

    /// <summary>Excel's limit is 1,048,576 rows per sheet; a million keeps a margin for the marking and header.</summary>
    public const int MaxRows = 1_000_000;

    private const int PageSize = 500;

    public static string Caption(ReportText t) => t["Timeline: every event", "タイムライン：全イベント"];

    public static IReadOnlyList<string> Columns(ReportText t) =>
    [
        "seq", t["Kind", "種別"], t["Wall time (UTC)", "実時刻（UTC）"], t["Scenario time", "シナリオ時刻"], t["Organization", "組織"],
        t["Sector", "分野"], t["Actor", "実施者"], t["Role", "役割"], t["Inject", "インジェクト"], t["Objectives", "目標"],
        t["Refers to (seq)", "参照（seq）"], t["Summary", "概要"],
    ];

    public static IReadOnlyList<object?> Row(TimelineEntry e, ReportText t) =>
    [
        e.Seq, ReportText.Name(e.Kind), ReportText.Wall(e.WallTime), ReportText.Scenario(e.ScenarioTime), e.OrganizationId,
        ReportText.Name(e.Sector), e.ActorId, e.ActorRole, e.InjectId, string.Join(' ', e.ObjectiveIds), e.RefSeq, t.Of(e.Summary),
    ];

    /// <summary>
    /// The rows of the timeline the pages give (the whole timeline, or what the reader's audience may see). Checks
    /// the size on the first page, before the caller writes anything: throws <see cref="TimelineTooLargeException"/>
    /// over <paramref name="maxRows"/>.
    /// </summary>
    public static async Task<IAsyncEnumerable<IReadOnlyList<object?>>> OpenAsync(
        TimelinePages pages, string exerciseId, ReportText t, int maxRows = MaxRows, CancellationToken cancellationToken = default)
    {
        var first = await pages(0, PageSize, cancellationToken);
        if (first.Matched > maxRows) throw new TimelineTooLargeException(exerciseId, first.Matched, maxRows);
        return Rows(pages, exerciseId, t, first, maxRows, cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(
        TimelinePages pages, string exerciseId, ReportText t, TimelinePage page, int maxRows,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var written = 0;
        while (true)
        {
            foreach (var entry in page.Entries)
            {
                // The log may grow while it is read (a running exercise): the bound holds whatever the first page said.
                if (++written > maxRows) throw new TimelineTooLargeException(exerciseId, written, maxRows);
                yield return Row(entry, t);
            }

            if (page.NextAfterSeq is not { } after) yield break;
            page = await pages(after, PageSize, cancellationToken);
        }
    }
}

/// <summary>One page of a timeline after a seq: IExerciseReviews.TimelineAsync, narrowed as the reader needs.</summary>
public delegate Task<TimelinePage> TimelinePages(long afterSeq, int limit, CancellationToken cancellationToken);

public sealed class TimelineTooLargeException(string exerciseId, int rows, int maxRows)
    : Exception($"The timeline of exercise '{exerciseId}' has {rows} rows, more than the {maxRows} a download holds; filter it or read it page by page.")
{
    public int Rows { get; } = rows;

    public int MaxRows { get; } = maxRows;
}
