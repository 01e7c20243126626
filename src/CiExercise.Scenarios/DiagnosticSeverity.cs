namespace CiExercise.Scenarios;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
