using CiExercise.Scenarios;

namespace CiExercise.Server.Scenarios;

/// <summary>The outcome of validating an uploaded scenario file: valid or not, every finding.</summary>
public sealed record ValidationReport(bool Valid, IReadOnlyList<DiagnosticItem> Diagnostics)
{
    public static ValidationReport From(IReadOnlyList<Diagnostic> diagnostics) =>
        new(!diagnostics.Any(d => d.IsError), diagnostics.Select(DiagnosticItem.From).ToArray());
}

/// <summary>One finding; Text is the whole "path:line:column: error CODE: message" line.</summary>
public sealed record DiagnosticItem(string Path, int Line, int Column, DiagnosticSeverity Severity, string Code, string Message, string Text)
{
    public static DiagnosticItem From(Diagnostic d) => new(d.Path, d.Line, d.Column, d.Severity, d.Code, d.Message, d.ToString());
}
