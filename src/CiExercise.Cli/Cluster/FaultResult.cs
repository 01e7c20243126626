using CiExercise.Cli.Load.Consoles;

namespace CiExercise.Cli.Cluster;

/// <summary>What one fault did to its exercise: the figures it cost (printed, never judged) and every check that failed.</summary>
public sealed class FaultResult(string fault)
{
    public string Fault { get; } = fault;

    public List<FaultFigure> Figures { get; } = [];

    public List<string> Problems { get; } = [];

    public bool Holds => Problems.Count == 0;

    public void Figure(string name, string unit, double? value) => Figures.Add(new FaultFigure(Fault, name, unit, value));

    public void Seconds(string name, TimeSpan? value) => Figure(name, "s", value?.TotalSeconds);

    /// <summary>p50, p99 and max of samples in milliseconds.</summary>
    public void Latency(string name, Samples samples)
    {
        foreach (var (label, share) in new[] { ("p50", 0.5), ("p99", 0.99), ("max", 1.0) })
            Figure($"{name}, {label}", "ms", samples.Percentile(share));
    }
}

public sealed record FaultFigure(string Fault, string Name, string Unit, double? Value);
