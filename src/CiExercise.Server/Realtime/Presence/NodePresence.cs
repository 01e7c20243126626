using System.Collections.Concurrent;
using CiExercise.Server.Identity;

namespace CiExercise.Server.Realtime.Presence;

/// <summary>
/// Counters per exercise and organization, moved on every connect and disconnect of this node's hub: O(1) work
/// per connection, nothing sent. Reading builds one snapshot; the publisher reads only what changed.
/// </summary>
public sealed class NodePresence : IPresenceSource
{
    private readonly ConcurrentDictionary<string, ExercisePresence> _exercises = new(StringComparer.Ordinal);
    private long _version;

    public void Connected(ExercisePrincipal principal) => Move(principal, +1);

    public void Disconnected(ExercisePrincipal principal) => Move(principal, -1);

    public (IReadOnlyCollection<string> Exercises, long Version) ChangedSince(long version)
    {
        var now = Interlocked.Read(ref _version);
        if (now == version) return ([], now);
        return (_exercises.Where(e => e.Value.Changed > version).Select(e => e.Key).ToArray(), now);
    }

    public Task<PresenceCounts> ReadAsync(string exerciseId, CancellationToken cancellationToken) =>
        Task.FromResult(_exercises.TryGetValue(exerciseId, out var exercise) ? exercise.Counts() : PresenceCounts.None);

    private void Move(ExercisePrincipal principal, int by)
    {
        // A controller of every exercise belongs to none in particular: it is not counted.
        if (principal.ExerciseId is not { } exerciseId) return;
        var exercise = _exercises.GetOrAdd(exerciseId, _ => new ExercisePresence());
        exercise.Move(principal, by, Interlocked.Increment(ref _version));
    }

    private sealed class ExercisePresence
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, Dictionary<string, int>> _organizations = new(StringComparer.Ordinal);
        private readonly Dictionary<PrincipalKind, int> _staff = [];

        public long Changed { get; private set; }

        public void Move(ExercisePrincipal principal, int by, long version)
        {
            lock (_gate)
            {
                Changed = version;
                if (principal.Kind != PrincipalKind.Participant)
                {
                    _staff[principal.Kind] = Math.Max(0, _staff.GetValueOrDefault(principal.Kind) + by);
                    return;
                }
                var org = principal.OrganizationId!;
                if (!_organizations.TryGetValue(org, out var names)) _organizations[org] = names = new Dictionary<string, int>(StringComparer.Ordinal);
                var count = names.GetValueOrDefault(principal.Name) + by;
                if (count > 0) names[principal.Name] = count;
                else names.Remove(principal.Name);
                if (names.Count == 0) _organizations.Remove(org);
            }
        }

        public PresenceCounts Counts()
        {
            lock (_gate)
            {
                var organizations = _organizations.ToDictionary(o => o.Key,
                    o => new OrganizationCount(o.Value.Values.Sum(), o.Value.Keys.Order(StringComparer.Ordinal).ToArray()), StringComparer.Ordinal);
                return new PresenceCounts(organizations, _staff.GetValueOrDefault(PrincipalKind.Controller),
                    _staff.GetValueOrDefault(PrincipalKind.Evaluator), _staff.GetValueOrDefault(PrincipalKind.Observer));
            }
        }
    }
}
