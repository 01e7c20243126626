using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// What the script alone can bring about, and how early: the earliest scenario time each inject can fire and each
/// service can reach each state, counting only injects (their times, conditions, delays and effects) and cascades
/// (dependencies and tolerances), never a controller's hand. Never means the script cannot get there at all: a
/// condition waiting on it can never hold. Computed as the greatest fixpoint from "never" down, so injects that wait
/// on each other stay never, while one reached by another branch of an any-of gets that branch's time.
/// </summary>
internal sealed class FiringAnalysis
{
    public static readonly TimeSpan Never = TimeSpan.MaxValue;

    private readonly Dictionary<string, InjectDraft> _injects;
    private readonly Dictionary<string, ServiceDraft> _services;
    private readonly Dictionary<string, TimeSpan> _fires = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Service, ServiceStatus State), TimeSpan> _states = [];

    public FiringAnalysis(IReadOnlyList<InjectDraft> injects, IReadOnlyList<ServiceDraft> services)
    {
        _injects = ById(injects, i => i.Value.Id);
        _services = ById(services, s => s.Value.Id);
        // Each round fixes at least one more node for good (as in Bellman-Ford), so this many rounds always settle.
        var rounds = _injects.Count + (3 * _services.Count) + 2;
        for (var changed = true; changed && rounds-- > 0;)
        {
            changed = false;
            foreach (var inject in _injects.Values)
            {
                changed |= Lower(_fires, inject.Value.Id, FireTime(inject.Value));
            }

            foreach (var service in _services.Values)
            {
                changed |= Lower(_states, (service.Value.Id, ServiceStatus.Down), StateTime(service.Value, ServiceStatus.Down));
                changed |= Lower(_states, (service.Value.Id, ServiceStatus.Degraded), StateTime(service.Value, ServiceStatus.Degraded));
                changed |= Lower(_states, (service.Value.Id, ServiceStatus.Up), Min(State(service.Value.Id, ServiceStatus.Down),
                    State(service.Value.Id, ServiceStatus.Degraded)));
            }
        }
    }

    public bool IsKnownInject(string id) => _injects.ContainsKey(id);

    public bool IsKnownService(string id) => _services.ContainsKey(id);

    /// <summary>The earliest scenario time inject id can fire (Never: it cannot, or it is unknown).</summary>
    public TimeSpan Fires(string id) => _fires.GetValueOrDefault(id, Never);

    /// <summary>The earliest scenario time service id can reach state (up: come back up after going down or degraded).</summary>
    public TimeSpan State(string id, ServiceStatus state) => _states.GetValueOrDefault((id, state), Never);

    /// <summary>The earliest scenario time condition can hold.</summary>
    public TimeSpan Holds(Condition condition) => condition.Kind switch
    {
        _ when condition.Of.Count == 0 && condition.Kind is ConditionKind.AllOf or ConditionKind.AnyOf => Never,
        ConditionKind.AllOf => condition.Of.Max(Holds),
        ConditionKind.AnyOf => condition.Of.Min(Holds),
        ConditionKind.Service => State(condition.ServiceId ?? "", condition.State ?? ServiceStatus.Down),
        ConditionKind.NotAcknowledged => Fires(condition.InjectId ?? "") == Never ? Never : Max(Fires(condition.InjectId!), condition.At ?? TimeSpan.Zero),
        _ when condition.InjectId is null => TimeSpan.Zero,
        _ => Fires(condition.InjectId),
    };

    /// <summary>The injects whose effects put service id into state (what a never-reached state waits on).</summary>
    public IEnumerable<InjectDraft> Causes(string serviceId, ServiceStatus state) =>
        _injects.Values.Where(i => i.Value.Effects.Any(e => e.ServiceId == serviceId && e.To == state));

    public ServiceDraft? FindService(string id) => _services.GetValueOrDefault(id);

    public InjectDraft? FindInject(string id) => _injects.GetValueOrDefault(id);

    private TimeSpan FireTime(Inject inject) =>
        inject.Hold?.When is { } when ? Max(inject.At, Add(Holds(when), inject.Hold.Delay)) : inject.At;

    /// <summary>Down or degraded: an inject's effect, or a dependency in that state for longer than its tolerance.</summary>
    private TimeSpan StateTime(Service service, ServiceStatus state)
    {
        var byEffect = Causes(service.Id, state).Select(i => Fires(i.Value.Id));
        var byCascade = service.DependsOn.Select(d => Add(State(d.ServiceId, state), d.Tolerance));
        return byEffect.Concat(byCascade).DefaultIfEmpty(Never).Min();
    }

    private static bool Lower<TKey>(Dictionary<TKey, TimeSpan> times, TKey key, TimeSpan value) where TKey : notnull
    {
        if (value >= times.GetValueOrDefault(key, Never))
        {
            return false;
        }

        times[key] = value;
        return true;
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
