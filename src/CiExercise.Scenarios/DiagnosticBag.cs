namespace CiExercise.Scenarios;

/// <summary>Collects the findings of one file, up to ScenarioLimits.MaxDiagnostics.</summary>
internal sealed class DiagnosticBag(string path)
{
    private readonly List<Diagnostic> _items = [];

    public string Path { get; } = path;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    /// <summary>True once the cap was hit; readers stop early instead of walking a hopeless file.</summary>
    public bool IsFull => _items.Count > ScenarioLimits.MaxDiagnostics;

    public void Error(SourcePosition at, string code, string message) => Add(at, DiagnosticSeverity.Error, code, message);

    public void Warning(SourcePosition at, string code, string message) => Add(at, DiagnosticSeverity.Warning, code, message);

    private void Add(SourcePosition at, DiagnosticSeverity severity, string code, string message)
    {
        if (IsFull)
        {
            return;
        }

        if (_items.Count == ScenarioLimits.MaxDiagnostics)
        {
            _items.Add(new Diagnostic(Path, at.Line, at.Column, DiagnosticSeverity.Error, DiagnosticCodes.TooManyDiagnostics,
                $"more than {ScenarioLimits.MaxDiagnostics} findings; fix these and validate again"));
            return;
        }

        _items.Add(new Diagnostic(Path, at.Line, at.Column, severity, code, message));
    }
}
