namespace CiExercise.Contracts.Exercises;

/// <summary>Why a command was refused; the HTTP API maps NotFound to 404, Conflict to 409, Invalid to 400.</summary>
public enum RuleKind
{
    NotFound,
    Conflict,
    Invalid,
}
