namespace CiExercise.Contracts.Exercises;

/// <summary>
/// A command the exercise refuses (unknown inject, wrong state, bad argument). Nothing was changed.
/// Code is stable and machine-readable (for example "exercise.not-running").
/// </summary>
[GenerateSerializer, Alias("ciex.ExerciseRuleException")]
public sealed class ExerciseRuleException(RuleKind kind, string code, string message) : Exception(message)
{
    [Id(0)] public RuleKind Kind { get; } = kind;

    [Id(1)] public string Code { get; } = code;
}
