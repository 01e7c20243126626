using CiExercise.Contracts.Exercises;

namespace CiExercise.Review;

/// <summary>The refusals of the review, each with a stable code and a message that says what and where.</summary>
public static class ReviewErrors
{
    public const int MaxTimelineLimit = 500;

    public static ExerciseRuleException ExerciseNotFound(string exerciseId) =>
        new(RuleKind.NotFound, "exercise.not-found", $"There is no exercise '{exerciseId}'.");

    public static ExerciseRuleException OrganizationNotFound(string exerciseId, string organizationId) =>
        new(RuleKind.NotFound, "organization.not-found", $"Exercise '{exerciseId}' has no organization '{organizationId}'.");

    public static ExerciseRuleException SeqOutOfRange(string exerciseId, long seq, long lastSeq) =>
        new(RuleKind.Invalid, "review.seq-out-of-range",
            $"'seq' is 1 to {lastSeq}, the events exercise '{exerciseId}' has recorded (got {seq}).");

    public static ExerciseRuleException TimeOutOfRange(TimeSpan t) =>
        new(RuleKind.Invalid, "review.time-out-of-range", $"'at' is a scenario time of zero or more (got {t:c}).");

    public static ExerciseRuleException LimitOutOfRange(int limit) =>
        new(RuleKind.Invalid, "review.limit-out-of-range", $"'limit' is 1 to {MaxTimelineLimit} (got {limit}).");

    public static ExerciseRuleException AfterOutOfRange(long after) =>
        new(RuleKind.Invalid, "review.after-out-of-range", $"'after' is a sequence number, 0 or more (got {after}).");
}
