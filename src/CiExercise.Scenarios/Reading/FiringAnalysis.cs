using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// What the script alone can bring about, and how early: the earliest scenario time each inject can fire and each
/// service can reach each state, counting only injects (their times, conditions, delays and effects) and cascades
/// (dependencies and tolerances), never a controller's hand. Never means the script cannot get there at all: a
/// condition waiting on it can never hold, and injects that wait on each other stay never.
/// </summary>
/// <remarks>
/// Knuth's generalization of Dijkstra's algorithm: every time is a minimum (any-of, several causes) of functions
/// no earlier than their inputs (all-of, delays, tolerances), so the smallest tentative time is final when taken
/// from the queue. Each node is settled once, so a hostile file's long chains cost time in proportion to its size.
/// </remarks>
internal sealed class FiringAnalysis
{
    public static readonly TimeSpan Never = TimeSpan.MaxValue;

    private readonly Dictionary<string, InjectDraft> _injects;
    private readonly Dictionary<string, ServiceDraft> _services;
    private readonly Dictionary<HoldNode, List<InjectDraft>> _causes = [];
    private readonly Dictionary<HoldNode, List<HoldNode>> _dependents = [];
    private readonly Dictionary<HoldNode, TimeSpan> _settled = [];

    public FiringAnalysis(IReadOnlyList<InjectDraft> injects, IReadOnlyList<ServiceDraft> services)
    {
        _injects = ById(injects, i => i.Value.Id);
        _services = ById(services, s => s.Value.Id);
        Link();
        Settle();
    }

    public bool IsKnownInject(string id) => _injects.ContainsKey(id);

    public bool IsKnownService(string id) => _services.ContainsKey(id);

    public InjectDraft? FindInject(string id) => _injects.GetValueOrDefault(id);

    public ServiceDraft? FindService(string id) => _services.GetValueOrDefault(id);

    /// <summary>The earliest scenario time inject id can fire (Never: it cannot, or it is unknown).</summary>
    public TimeSpan Fires(string id) => Time(HoldNode.Of(id));

    /// <summary>The earliest scenario time service id can reach state (up: come back up after going down or degraded).</summary>
    public TimeSpan State(string id, ServiceStatus state) => Time(HoldNode.Of(id, state));

    /// <summary>The injects whose effects put service id into state (what a never-reached state waits on).</summary>
    public IReadOnlyList<InjectDraft> Causes(string serviceId, ServiceStatus state) => _causes.GetValueOrDefault(HoldNode.Of(serviceId, state)) ?? [];

    private TimeSpan Time(HoldNode node) => _settled.GetValueOrDefault(node, Never);

    /// <summary>The earliest time condition can hold, from the times settled so far.</summary>
    private TimeSpan Holds(Condition condition) => condition.Kind switch
    {
        ConditionKind.AllOf or ConditionKind.AnyOf when condition.Of.Count == 0 => Never,
        ConditionKind.AllOf => condition.Of.Max(Holds),
        ConditionKind.AnyOf => condition.Of.Min(Holds),
        ConditionKind.NotAcknowledged when Time(HoldNode.WaitedOnBy(condition)!) is var fires && fires != Never =>
            Max(fires, condition.At ?? TimeSpan.Zero),
        _ => HoldNode.WaitedOnBy(condition) is { } node ? Time(node) : TimeSpan.Zero,
    };

    private TimeSpan Evaluate(HoldNode node)
    {
        if (node.IsInject)
        {
            var inject = _injects[node.Id].Value;
            return inject.Hold?.When is { } when ? Max(inject.At, Add(Holds(when), inject.Hold.Delay)) : inject.At;
        }

        if (node.State == ServiceStatus.Up)
        {
            return Min(Time(HoldNode.Of(node.Id, ServiceStatus.Down)), Time(HoldNode.Of(node.Id, ServiceStatus.Degraded)));
        }

        // Down or degraded: an inject's effect, or a dependency in that state for longer than its tolerance.
        var byEffect = Causes(node.Id, node.State).Select(i => Fires(i.Value.Id));
        var byCascade = _services[node.Id].Value.DependsOn.Select(d => Add(State(d.ServiceId, node.State), d.Tolerance));
        return byEffect.Concat(byCascade).DefaultIfEmpty(Never).Min();
    }

    /// <summary>The time service state node gets through its input settled: an inject's effect, a dependency, or (up) going down first.</summary>
    private TimeSpan Through(HoldNode node, HoldNode settled)
    {
        var time = Time(settled);
        if (settled.IsInject || node.State == ServiceStatus.Up)
        {
            return time;
        }

        return _services[node.Id].Value.DependsOn.Where(d => d.ServiceId == settled.Id).Select(d => Add(time, d.Tolerance)).DefaultIfEmpty(Never).Min();
    }

    private void Settle()
    {
        var nodes = _injects.Keys.Select(HoldNode.Of)
            .Concat(_services.Keys.SelectMany(s => new[] { ServiceStatus.Down, ServiceStatus.Degraded, ServiceStatus.Up }.Select(t => HoldNode.Of(s, t))));
        var tentative = new Dictionary<HoldNode, TimeSpan>();
        var queue = new PriorityQueue<HoldNode, TimeSpan>();
        foreach (var node in nodes)
        {
            Offer(node, null);
        }

        while (queue.TryDequeue(out var node, out var time))
        {
            if (_settled.ContainsKey(node) || tentative[node] != time)
            {
                continue;
            }

            _settled[node] = time;
            foreach (var dependent in _dependents.GetValueOrDefault(node) ?? [])
            {
                Offer(dependent, node);
            }
        }

        // A service state is the earliest of its inputs, so only the one just settled can lower it: taking just that
        // one keeps a state with thousands of causes from being timed again for each of them.
        void Offer(HoldNode node, HoldNode? settled)
        {
            if (_settled.ContainsKey(node))
            {
                return;
            }

            var time = node.IsInject || settled is null ? Evaluate(node) : Through(node, settled);
            if (time != Never && time < tentative.GetValueOrDefault(node, Never))
            {
                tentative[node] = time;
                queue.Enqueue(node, time);
            }
        }
    }

    /// <summary>Indexes which injects cause which service states, and which nodes must be timed again when one is settled.</summary>
    private void Link()
    {
        foreach (var inject in _injects.Values)
        {
            var node = HoldNode.Of(inject.Value.Id);
            foreach (var waited in inject.Value.Hold?.When is { } when ? Leaves(when) : [])
            {
                Add(_dependents, waited, node);
            }

            foreach (var effect in inject.Value.Effects.Where(e => e.To != ServiceStatus.Up && _services.ContainsKey(e.ServiceId)))
            {
                var state = HoldNode.Of(effect.ServiceId, effect.To);
                Add(_causes, state, inject);
                Add(_dependents, node, state);
            }
        }

        foreach (var service in _services.Values)
        {
            foreach (var state in new[] { ServiceStatus.Down, ServiceStatus.Degraded })
            {
                Add(_dependents, HoldNode.Of(service.Value.Id, state), HoldNode.Of(service.Value.Id, ServiceStatus.Up));
                foreach (var dependency in service.Value.DependsOn)
                {
                    Add(_dependents, HoldNode.Of(dependency.ServiceId, state), HoldNode.Of(service.Value.Id, state));
                }
            }
        }
    }

    private static IEnumerable<HoldNode> Leaves(Condition condition) =>
        condition.Kind is ConditionKind.AllOf or ConditionKind.AnyOf
            ? condition.Of.SelectMany(Leaves)
            : HoldNode.WaitedOnBy(condition) is { } node ? [node] : [];

    private static void Add<TValue>(Dictionary<HoldNode, List<TValue>> map, HoldNode key, TValue value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    // Saturates short of Never: a hostile chain of long delays must neither overflow nor read as "never".
    private static TimeSpan Add(TimeSpan time, TimeSpan delay) =>
        time == Never ? Never : delay >= Never - time ? Never - TimeSpan.FromTicks(1) : time + delay;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // A duplicate id is reported elsewhere; the first definition counts, as for every other reference.
    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id) =>
        items.Where(i => id(i).Length > 0).GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
