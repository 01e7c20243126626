namespace CiExercise.Scenarios;

/// <summary>
/// Stable codes of scenario findings. They are documented in scenarios/README.md and never reused for
/// another meaning, so scripts and planners can rely on them across versions.
/// </summary>
public static class DiagnosticCodes
{
    public const string FileTooLarge = "CIEX001";
    public const string NotText = "CIEX002";
    public const string YamlSyntax = "CIEX003";
    public const string TooDeep = "CIEX004";
    public const string AliasRefused = "CIEX005";
    public const string NotOneDocument = "CIEX006";
    public const string FileUnreadable = "CIEX007";
    public const string TooManyDiagnostics = "CIEX008";

    public const string UnknownKey = "CIEX010";
    public const string WrongType = "CIEX011";
    public const string MissingField = "CIEX012";
    public const string DuplicateKey = "CIEX013";
    public const string InvalidValue = "CIEX014";

    public const string DuplicateId = "CIEX020";
    public const string UnknownOrganization = "CIEX021";
    public const string UnknownRole = "CIEX022";
    public const string UnknownSector = "CIEX023";
    public const string UnknownObjective = "CIEX024";
    public const string UnknownReportsTo = "CIEX025";
    public const string ReportingCycle = "CIEX026";
    public const string NoRecipients = "CIEX027";

    public const string BadTimeFormat = "CIEX030";
    public const string BadTimeZone = "CIEX031";
    public const string OutsideDuration = "CIEX032";
    public const string PhaseEndsBeforeStart = "CIEX033";

    public const string DuplicateScenarioId = "CIEX040";

    public const string SeverityOutOfRange = "CIEX050";
    public const string NotACeptoar = "CIEX051";
    public const string TooManyHotWashQuestions = "CIEX052";

    public const string UnknownInject = "CIEX060";
    public const string UnknownChoice = "CIEX061";
    public const string UnknownService = "CIEX062";
    public const string ScopeOutsideRecipients = "CIEX063";
    public const string HoldCycle = "CIEX064";
    public const string ServiceCycle = "CIEX065";
    public const string AnswerNotAsked = "CIEX066";
    public const string TooEarly = "CIEX067";
    public const string StateUnreachable = "CIEX068";
    public const string NeverFires = "CIEX069";
    public const string InvalidField = "CIEX070";
    public const string FeedOnly = "CIEX071";
    public const string TooMany = "CIEX072";

    public const string ObjectiveNotServed = "CIEX101";
    public const string OrganizationReceivesNothing = "CIEX102";
}
