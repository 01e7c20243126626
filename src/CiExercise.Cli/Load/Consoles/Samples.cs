namespace CiExercise.Cli.Load.Consoles;

/// <summary>Latencies in milliseconds from many threads; summarized once the phase is over.</summary>
public sealed class Samples
{
    private readonly Lock _gate = new();
    private readonly List<double> _values = [];

    public void Add(TimeSpan value)
    {
        lock (_gate) _values.Add(value.TotalMilliseconds);
    }

    public int Count
    {
        get { lock (_gate) return _values.Count; }
    }

    /// <summary>The value below which the given share of samples lie (nearest rank), or null when there are none.</summary>
    public double? Percentile(double share)
    {
        lock (_gate)
        {
            if (_values.Count == 0) return null;
            _values.Sort();
            var rank = (int)Math.Ceiling(share * _values.Count) - 1;
            return _values[Math.Clamp(rank, 0, _values.Count - 1)];
        }
    }

    public double? Max
    {
        get { lock (_gate) return _values.Count == 0 ? null : _values.Max(); }
    }
}
