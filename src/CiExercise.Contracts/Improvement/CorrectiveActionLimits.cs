namespace CiExercise.Contracts.Improvement;

/// <summary>
/// The bounds of the improvement plan: the plan is kept across exercises and read whole to find what a later
/// exercise carries in, so both each action and the number of them are bounded (ids are bounded by <see cref="Limits"/>).
/// </summary>
public static class CorrectiveActionLimits
{
    /// <summary>A finding and an action, each: a paragraph or two of the after-action report.</summary>
    public const int TextLength = 4000;

    /// <summary>A capability, as scenarios name the capability an objective tests.</summary>
    public const int CapabilityLength = 200;

    /// <summary>Actions raised in one exercise: an improvement plan is a page, not a log.</summary>
    public const int PerExercise = 200;

    /// <summary>Actions kept in all: every list of carried actions reads at most this many.</summary>
    public const int Stored = 10_000;

    /// <summary>How far ahead a due date may be.</summary>
    public const int DueYears = 10;
}
