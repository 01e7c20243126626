using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Loading;

/// <summary>
/// One exercise's whole record as read for a review: its name, the scenario snapshot it was created from, and
/// every event up to LastSeq in seq order. Ad-hoc injects are known from their AdHocInjectAdded rows.
/// </summary>
internal sealed class ExerciseLog
{
    private readonly Dictionary<string, Organization> _organizations;
    private readonly Dictionary<string, Inject> _injects;

    public ExerciseLog(string id, string name, Scenario scenario, IReadOnlyList<ExerciseEvent> events)
    {
        Id = id;
        Name = name;
        Scenario = scenario;
        Events = events;
        _organizations = scenario.Organizations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _injects = scenario.Injects.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var e in events.Where(e => e.Kind == EventKind.AdHocInjectAdded))
        {
            var inject = ReviewPayloads.Read<AdHocInjectAddedPayload>(e).Inject;
            _injects.TryAdd(inject.Id, inject);
            AdHocInjectIds.Add(inject.Id);
        }
    }

    public string Id { get; }
    public string Name { get; }
    public Scenario Scenario { get; }
    public IReadOnlyList<ExerciseEvent> Events { get; }
    public HashSet<string> AdHocInjectIds { get; } = new(StringComparer.Ordinal);

    public long LastSeq => Events.Count == 0 ? 0 : Events[^1].Seq;

    public Organization? Organization(string? id) => id is null ? null : _organizations.GetValueOrDefault(id);

    /// <summary>A scripted or ad-hoc inject by id.</summary>
    public Inject? Inject(string? id) => id is null ? null : _injects.GetValueOrDefault(id);

    /// <summary>The scripted injects in timeline order, then the ad-hoc ones in the order they were added.</summary>
    public IEnumerable<Inject> AllInjects =>
        Scenario.Injects.OrderBy(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal).Concat(AdHocInjectIds.Select(id => _injects[id]));

    /// <summary>The event with this seq (the log has no gaps, but a search does not rely on it).</summary>
    public ExerciseEvent? At(long seq)
    {
        var index = IndexAfter(seq - 1);
        return index < Events.Count && Events[index].Seq == seq ? Events[index] : null;
    }

    /// <summary>The index of the first event with Seq &gt; seq (Events.Count if none).</summary>
    public int IndexAfter(long seq)
    {
        int lo = 0, hi = Events.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Events[mid].Seq <= seq) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
