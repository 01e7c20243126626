using CiExercise.Scenarios.Reading;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios;

/// <summary>
/// Reads a scenario file into the Scenario contract. Never throws for bad input: every problem of the
/// file is a Diagnostic, and the scenario is returned only when there is no error.
/// </summary>
public static class ScenarioParser
{
    /// <param name="path">How the file is named in diagnostics.</param>
    public static ScenarioParseResult Parse(string text, string path)
    {
        var diagnostics = new DiagnosticBag(path);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return SourceDecoder.CheckText(text, diagnostics) ? ParseChecked(text, diagnostics) : Failed(diagnostics);
    }

    public static ScenarioParseResult ParseFile(string path)
    {
        var diagnostics = new DiagnosticBag(path);
        var text = ReadFileText(path, diagnostics);
        return text is null ? Failed(diagnostics) : ParseChecked(text, diagnostics);
    }

    /// <summary>The checked text of a scenario file, or null when it was refused (reported to diagnostics).</summary>
    internal static string? ReadFileText(string path, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            // Size first, so a huge file is refused without being read.
            if (new FileInfo(path).Length > ScenarioLimits.MaxFileBytes)
            {
                diagnostics.Error(SourcePosition.FileStart, DiagnosticCodes.FileTooLarge,
                    $"file is {new FileInfo(path).Length} bytes; a scenario file may hold at most {ScenarioLimits.MaxFileBytes} bytes");
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file: {ex.Message}";
            diagnostics.Error(SourcePosition.FileStart, DiagnosticCodes.FileUnreadable, reason);
            return null;
        }

        return SourceDecoder.Decode(bytes, diagnostics);
    }

    private static ScenarioParseResult ParseChecked(string text, DiagnosticBag diagnostics)
    {
        var root = YamlTreeReader.Read(text, diagnostics);
        if (root is null)
        {
            return Failed(diagnostics);
        }

        var (scenario, idAt) = ScenarioReader.Read(root, diagnostics);
        return new ScenarioParseResult(diagnostics.Path, scenario, Sorted(diagnostics), idAt);
    }

    private static ScenarioParseResult Failed(DiagnosticBag diagnostics) =>
        new(diagnostics.Path, null, Sorted(diagnostics), null);

    // Findings are made section by section; authors read them top to bottom.
    private static Diagnostic[] Sorted(DiagnosticBag diagnostics) =>
        diagnostics.Items.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray();
}
