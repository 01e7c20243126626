namespace CiExercise.Review.Model;

/// <summary>How long something took, in scenario (story) time and in wall time: the two differ by pauses and speed.</summary>
public sealed record Duration(TimeSpan Scenario, TimeSpan Wall);
