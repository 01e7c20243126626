namespace CiExercise.Scenarios;

/// <summary>
/// One finding about a scenario file, positioned at the offending key or value (1-based line and column).
/// ToString gives the compiler-like form editors and CI logs understand.
/// </summary>
public sealed record Diagnostic(string Path, int Line, int Column, DiagnosticSeverity Severity, string Code, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
