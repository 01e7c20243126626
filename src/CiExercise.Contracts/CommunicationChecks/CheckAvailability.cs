namespace CiExercise.Contracts.CommunicationChecks;

/// <summary>Whether organizations may still answer a check: Stopped while the exercise is halted or over.</summary>
public enum CheckAvailability
{
    Open,
    Unknown,
    Closed,
    Stopped,
}
