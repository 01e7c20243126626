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

    /// <summary>all-of / any-of nested in one condition: deeper trees are unreadable for authors and controllers alike.</summary>
    public const int MaxConditionDepth = 8;

    /// <summary>Conditions of one inject (when and unless together, every all-of / any-of and leaf counted).</summary>
    public const int MaxConditions = 64;

    /// <summary>Services of a scenario: a national exercise has about 850 organizations, a few run more than one.</summary>
    public const int MaxServices = 2000;

    /// <summary>Services one service depends on.</summary>
    public const int MaxDependencies = 50;

    /// <summary>Service effects of one inject, and services one choice restores.</summary>
    public const int MaxEffects = 50;

    /// <summary>Fields of one report form (the national templates have about 30).</summary>
    public const int MaxFormFields = 60;

    /// <summary>Options of one choice field.</summary>
    public const int MaxFieldOptions = 50;

    /// <summary>A social-media author handle ("@kobe_resident").</summary>
    public const int MaxHandleLength = 64;
}
