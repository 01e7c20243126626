namespace CiExercise.Scenarios;

/// <summary>
/// Bounds that keep a hostile or broken file from costing more than a moment: checked before (size) or
/// while (depth, diagnostics) the YAML is read, never after it has been expanded.
/// </summary>
public static class ScenarioLimits
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public const int MaxDepth = 32;

    /// <summary>Past this many findings a file is too broken for more of them to help the author.</summary>
    public const int MaxDiagnostics = 200;
}
