namespace CiExercise.Contracts.CommunicationChecks;

/// <summary>
/// How a communication check travels. Chain: the control cell sends it to the ministries and each
/// organization passes it on to those that report to it. Everyone: the control cell sends it to all at once.
/// </summary>
public enum CheckRoute
{
    Chain,
    Everyone,
}
