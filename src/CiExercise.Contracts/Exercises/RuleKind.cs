namespace CiExercise.Contracts.Exercises;

/// <summary>
/// Why a command was refused; the HTTP API maps NotFound to 404, Conflict to 409, Invalid to 400 and
/// Unprocessable (a well-formed request that cannot be taken as it is, such as a reused idempotency key) to 422.
/// </summary>
public enum RuleKind
{
    NotFound,
    Conflict,
    Invalid,
    Unprocessable,
}
