namespace CiExercise.Scenarios.Tests;

public sealed class ParserErrorTests
{
    [Fact]
    public void The_base_text_is_valid_without_findings()
    {
        var result = ScenarioText.Parse(ScenarioText.Valid);

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(30), result.Scenario!.Injects[0].At);
        Assert.Equal(new DateTimeOffset(2025, 11, 18, 9, 0, 0, TimeSpan.FromHours(9)), result.Scenario.StoryStart);
    }

    [Theory]
    [InlineData(2, "titel: Test", "CIEX010", 2, 1)]
    [InlineData(26, "    objectives: o1", "CIEX011", 26, 17)]
    [InlineData(10, "    reports-to: [fsa]", "CIEX011", 10, 17)]
    [InlineData(9, "    sector: banking", "CIEX023", 9, 13)]
    [InlineData(10, "    reports-to: fsx", "CIEX025", 10, 17)]
    [InlineData(10, "    reports-to: bank", "CIEX026", 10, 17)]
    [InlineData(11, "  - id: bank", "CIEX020", 11, 9)]
    [InlineData(21, "    to: { organizations: [bnk] }", "CIEX021", 21, 27)]
    [InlineData(21, "    to: { everyone: true, roles: [boss] }", "CIEX022", 21, 35)]
    [InlineData(21, "    to: { sectors: [water] }", "CIEX027", 21, 9)]
    [InlineData(26, "    objectives: [o2]", "CIEX024", 26, 18)]
    [InlineData(23, "    channel: fax", "CIEX014", 23, 14)]
    [InlineData(19, "  - id: i 1", "CIEX014", 19, 9)]
    [InlineData(20, "    at: \"1:30\"", "CIEX030", 20, 9)]
    [InlineData(20, "    at: \"+00:75\"", "CIEX030", 20, 9)]
    [InlineData(4, "start: 18.11.2025 09:00", "CIEX030", 4, 8)]
    [InlineData(3, "time-zone: Asia/Tokio", "CIEX031", 3, 12)]
    [InlineData(3, "time-zone: Tokyo Standard Time", "CIEX031", 3, 12)]
    [InlineData(20, "    at: \"+02:01\"", "CIEX032", 20, 9)]
    [InlineData(20, "    at: 2025-11-18T08:59", "CIEX032", 20, 9)]
    [InlineData(22, "    from: { de: Angreifer }", "CIEX010", 22, 13)]
    [InlineData(24, "    title:", "CIEX012", 24, 5)]
    [InlineData(2, "title: [unclosed", "CIEX003", 2, 8)]
    [InlineData(24, "    title: \"Ransom", "CIEX003", 24, 12)]
    [InlineData(12, "\tname: FSA", "CIEX003", 11, 9)]
    public void Each_error_class_is_reported_with_its_code_line_and_column(int line, string text, string code, int atLine, int atColumn)
    {
        var result = ScenarioText.Parse(ScenarioText.With((line, text)));

        Assert.False(result.Succeeded);
        Assert.Null(result.Scenario);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Line == atLine && d.Column == atColumn && d.IsError);
    }

    [Fact]
    public void A_missing_key_is_reported_at_the_mapping_that_lacks_it()
    {
        var result = ScenarioText.Parse(ScenarioText.With((25, null)));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("t.yaml:19:5: error CIEX012: inject 'i1' is missing the required key 'body'", diagnostic.ToString());
    }

    [Fact]
    public void A_repeated_key_is_reported_at_the_repeat()
    {
        var result = ScenarioText.Parse(ScenarioText.With((24, "    title: Ransom\n    title: Again")));

        Assert.Contains(result.Diagnostics, d => d is { Code: "CIEX013", Line: 25, Column: 5 });
    }

    [Fact]
    public void A_duplicate_choice_id_and_a_phase_ending_before_it_starts_are_errors()
    {
        var phases = "phases:\n  - id: p1\n    name: One\n    start: \"+01:00\"\n    end: \"+00:30\"\n";
        var choices = "    choices:\n      - { id: a, text: A }\n      - { id: a, text: B }";
        var result = ScenarioText.Parse(phases + ScenarioText.With((26, "    objectives: [o1]\n" + choices)));

        Assert.Contains(result.Diagnostics, d => d is { Code: "CIEX033", Line: 5, Column: 10 });
        Assert.Contains(result.Diagnostics, d => d is { Code: "CIEX020", Line: 34, Column: 15 });
    }

    [Fact]
    public void All_errors_of_a_file_are_reported_at_once_in_file_order()
    {
        var result = ScenarioText.Parse(ScenarioText.With(
            (3, "time-zone: Mars/Olympus"),
            (9, "    sector: banking"),
            (20, "    at: soon"),
            (23, "    channel: pigeon"),
            (26, "    objectives: [nope]")));

        Assert.Equal(["CIEX031", "CIEX023", "CIEX030", "CIEX014", "CIEX024"], result.Diagnostics.Where(d => d.IsError).Select(d => d.Code));
        Assert.Equal(result.Diagnostics.OrderBy(d => d.Line), result.Diagnostics);
    }

    [Fact]
    public void A_diagnostic_prints_in_compiler_form()
    {
        var error = new Diagnostic("a/b.yaml", 3, 7, DiagnosticSeverity.Error, "CIEX010", "unknown key 'x'");
        var warning = error with { Severity = DiagnosticSeverity.Warning, Code = "CIEX101" };

        Assert.Equal("a/b.yaml:3:7: error CIEX010: unknown key 'x'", error.ToString());
        Assert.Equal("a/b.yaml:3:7: warning CIEX101: unknown key 'x'", warning.ToString());
    }
}
