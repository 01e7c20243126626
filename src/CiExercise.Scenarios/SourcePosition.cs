namespace CiExercise.Scenarios;

/// <summary>A 1-based line and column in a scenario file.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition FileStart { get; } = new(1, 1);
}
