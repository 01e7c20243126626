namespace CiExercise.Cli.Rehearsal;

/// <summary>
/// One thing a simulated participant will do at a wall moment of the virtual clock. Actions due at the same moment
/// run one after the other in the order of their key (organization, inject, step), never in the order the consoles
/// planned them, which depends on how their events raced.
/// </summary>
public sealed record PlannedAction(DateTimeOffset At, int Organization, string InjectId, int Step, Func<Task> Run);

/// <summary>What the simulated participants have planned, earliest first. Planned from the consoles' threads.</summary>
public sealed class Agenda
{
    private static readonly Comparer<PlannedAction> Order = Comparer<PlannedAction>.Create((a, b) =>
    {
        var c = a.At.CompareTo(b.At);
        if (c == 0) c = a.Organization.CompareTo(b.Organization);
        if (c == 0) c = string.CompareOrdinal(a.InjectId, b.InjectId);
        return c != 0 ? c : a.Step.CompareTo(b.Step);
    });

    private readonly SortedSet<PlannedAction> _planned = new(Order);
    private readonly Lock _gate = new();

    public void Plan(PlannedAction action)
    {
        lock (_gate) _planned.Add(action);
    }

    public DateTimeOffset? Next
    {
        get
        {
            lock (_gate) return _planned.Count == 0 ? null : _planned.Min!.At;
        }
    }

    /// <summary>The earliest action due at or before now, taken off the agenda; null when none is.</summary>
    public PlannedAction? TakeDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_planned.Count == 0 || _planned.Min!.At > now) return null;
            var first = _planned.Min;
            _planned.Remove(first);
            return first;
        }
    }
}
