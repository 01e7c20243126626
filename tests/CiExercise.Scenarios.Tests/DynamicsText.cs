namespace CiExercise.Scenarios.Tests;

/// <summary>A small valid scenario with services and a held inject; the dynamics tests replace single lines of it.</summary>
internal static class DynamicsText
{
    public static readonly string[] Lines =
    [
        "id: d",                                                        // 1
        "title: Dynamics",                                              // 2
        "time-zone: Asia/Tokyo",                                        // 3
        "start: 2025-11-18T09:00",                                      // 4
        "duration: \"04:00\"",                                          // 5
        "organizations:",                                               // 6
        "  - { id: power, name: Power, sector: electric-power }",       // 7
        "  - { id: water, name: Water, sector: water }",                // 8
        "  - { id: meti, name: METI, sector: ministry }",               // 9
        "services:",                                                    // 10
        "  - id: grid",                                                 // 11
        "    name: Grid",                                               // 12
        "    organization: power",                                      // 13
        "  - id: pumps",                                                // 14
        "    name: Pumps",                                              // 15
        "    organization: water",                                      // 16
        "    depends-on: [{ service: grid, tolerance: \"01:00\" }]",    // 17
        "injects:",                                                     // 18
        "  - id: i1",                                                   // 19
        "    at: \"+00:10\"",                                           // 20
        "    to: { organizations: [power] }",                           // 21
        "    from: Attacker",                                           // 22
        "    channel: email",                                           // 23
        "    title: Attack",                                            // 24
        "    body: Grid down",                                          // 25
        "    effects: [{ service: grid, to: down }]",                   // 26
        "    choices: [{ id: isolate, text: Isolate, restores: [grid] }, { id: wait, text: Wait }]", // 27
        "    severity: true",                                           // 28
        "  - id: i2",                                                   // 29
        "    to: { organizations: [water] }",                           // 30
        "    from: Water plant",                                        // 31
        "    channel: news",                                            // 32
        "    title: Pumps down",                                        // 33
        "    body: Pumps stopped",                                      // 34
        "    when: { service: { id: pumps, state: down } }",            // 35
        "    outlet: Daily",                                            // 36
        "  - id: i3",                                                   // 37
        "    to: everyone",                                             // 38
        "    from: METI",                                               // 39
        "    channel: email",                                           // 40
        "    title: Follow-up",                                         // 41
        "    body: Report",                                             // 42
        "    when: { decision: { inject: i1, choice: isolate, by: power } }", // 43
        "    deadline: \"+03:00\"",                                     // 44
    ];

    public static string Valid => With();

    /// <summary>The scenario with 1-based lines replaced (null removes one; a replacement may hold several lines).</summary>
    public static string With(params (int Line, string? Text)[] changes) => ScenarioText.With(Lines, changes);

    /// <summary>The 1-based column of token in the given line of text (where a finding about it points).</summary>
    public static int ColumnOf(string text, int line, string token)
    {
        var column = text.Split('\n')[line - 1].IndexOf(token, StringComparison.Ordinal);
        return column < 0 ? throw new ArgumentException($"'{token}' is not on line {line}") : column + 1;
    }
}
