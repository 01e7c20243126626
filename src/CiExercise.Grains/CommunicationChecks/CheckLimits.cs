namespace CiExercise.Grains.CommunicationChecks;

/// <summary>The bounds of communication checks: a short message, a few open at a time, a bounded record.</summary>
public static class CheckLimits
{
    public const int MaxMessageLength = Contracts.Limits.CheckMessageLength;
    public const int MaxOpen = 3;
    public const int MaxPerExercise = 30;
}
