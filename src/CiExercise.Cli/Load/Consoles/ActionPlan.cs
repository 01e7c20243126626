namespace CiExercise.Cli.Load.Consoles;

/// <summary>How participants act: their think time before each action.</summary>
public sealed record ActionPlan(TimeSpan MinDelay, TimeSpan MaxDelay)
{
    public TimeSpan NextDelay() => MinDelay + (MaxDelay - MinDelay) * Random.Shared.NextDouble();
}
