using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;

namespace CiExercise.Grains;

/// <summary>The refusals commands give; each says what was wrong, in words a user can act on.</summary>
internal static class Rules
{
    public static ExerciseRuleException NotFound(string code, string message) => new(RuleKind.NotFound, code, message);

    public static ExerciseRuleException Conflict(string code, string message) => new(RuleKind.Conflict, code, message);

    public static ExerciseRuleException Invalid(string code, string message) => new(RuleKind.Invalid, code, message);

    public static ExerciseRuleException KeyReused(string clientActionId) =>
        new(RuleKind.Unprocessable, ClientActionId.ReusedCode, ClientActionId.ReusedMessage(clientActionId));
}
