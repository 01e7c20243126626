namespace CiExercise.Contracts.CommunicationChecks;

/// <summary>The stage of the reporting chain an organization answers for in a check, from its sector.</summary>
public enum CheckStage
{
    Ministry,
    Ceptoar,
    Operator,

    /// <summary>The national centre, agencies and vendors.</summary>
    Other,
}
