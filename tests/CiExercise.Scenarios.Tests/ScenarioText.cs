namespace CiExercise.Scenarios.Tests;

/// <summary>A small valid scenario whose line numbers the tests rely on; tests replace single lines.</summary>
internal static class ScenarioText
{
    public static readonly string[] Lines =
    [
        "id: t",                                 // 1
        "title: Test",                           // 2
        "time-zone: Asia/Tokyo",                 // 3
        "start: 2025-11-18T09:00",               // 4
        "duration: \"02:00\"",                   // 5
        "organizations:",                        // 6
        "  - id: bank",                          // 7
        "    name: { ja: 銀行, en: Bank }",       // 8
        "    sector: finance",                   // 9
        "    reports-to: fsa",                   // 10
        "  - id: fsa",                           // 11
        "    name: FSA",                         // 12
        "    sector: ministry",                  // 13
        "objectives:",                           // 14
        "  - id: o1",                            // 15
        "    text: Report",                      // 16
        "    capability: reporting",             // 17
        "injects:",                              // 18
        "  - id: i1",                            // 19
        "    at: \"+00:30\"",                    // 20
        "    to: everyone",                      // 21
        "    from: Attacker",                    // 22
        "    channel: email",                    // 23
        "    title: Ransom",                     // 24
        "    body: Pay",                         // 25
        "    objectives: [o1]",                  // 26
    ];

    public static string Valid => string.Join('\n', Lines) + "\n";

    /// <summary>The scenario with 1-based line replaced (null removes it).</summary>
    public static string With(params (int Line, string? Text)[] changes) => With(Lines, changes);

    /// <summary>Another scenario's lines with 1-based line replaced (null removes it).</summary>
    public static string With(IReadOnlyList<string> original, params (int Line, string? Text)[] changes)
    {
        var lines = original.ToList<string?>();
        foreach (var (line, text) in changes)
        {
            lines[line - 1] = text;
        }

        return string.Join('\n', lines.OfType<string>()) + "\n";
    }

    public static ScenarioParseResult Parse(string text) => ScenarioParser.Parse(text, "t.yaml");
}
