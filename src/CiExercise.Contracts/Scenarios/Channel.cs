namespace CiExercise.Contracts.Scenarios;

/// <summary>The simulated channel an inject arrives through. Kebab case in files ("system-alert").</summary>
public enum Channel
{
    Email,
    Phone,
    News,
    SystemAlert,
    Report,
    SocialMedia,
}
