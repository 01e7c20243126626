namespace CiExercise.Grains;

/// <summary>Settings of the exercise engine (configuration section "Engine").</summary>
public sealed class EngineOptions
{
    /// <summary>An inject fired later than this after its due moment is recorded as late.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromSeconds(2);
}
