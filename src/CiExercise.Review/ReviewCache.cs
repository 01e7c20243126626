namespace CiExercise.Review;

/// <summary>
/// The reviews of the few exercises read last, one per exercise at its last seq. A review of a national exercise
/// holds its whole record in memory, so only a handful are kept; the least recently read goes first.
/// </summary>
public sealed class ReviewCache
{
    public const int Capacity = 4;

    private readonly object _gate = new();
    private readonly LinkedList<Entry> _entries = [];

    internal Task<ComputedReview> GetOrAdd(string exerciseId, long lastSeq, Func<ComputedReview?, Task<ComputedReview>> compute)
    {
        lock (_gate)
        {
            var node = _entries.First;
            while (node is not null && node.Value.ExerciseId != exerciseId) node = node.Next;
            if (node is not null)
            {
                _entries.Remove(node);
                if (node.Value.LastSeq == lastSeq && !node.Value.Review.IsFaulted && !node.Value.Review.IsCanceled)
                {
                    _entries.AddFirst(node);
                    return node.Value.Review;
                }
            }
            // A newer record starts from the previous one's events, when that one was computed.
            var previous = node?.Value.Review is { IsCompletedSuccessfully: true } done && node.Value.LastSeq < lastSeq ? done.Result : null;
            var review = compute(previous);
            _entries.AddFirst(new Entry(exerciseId, lastSeq, review));
            while (_entries.Count > Capacity) _entries.RemoveLast();
            return review;
        }
    }

    private sealed record Entry(string ExerciseId, long LastSeq, Task<ComputedReview> Review);
}
