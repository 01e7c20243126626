namespace CiExercise.Scenarios.Tests;

public sealed class ParserWarningTests
{
    [Fact]
    public void An_objective_no_inject_serves_is_a_warning_and_the_scenario_still_loads()
    {
        var result = ScenarioText.Parse(ScenarioText.With((26, null)));

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("t.yaml:15:9: warning CIEX101: no inject serves objective 'o1'", warning.ToString());
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void An_organization_that_receives_nothing_is_a_warning()
    {
        var result = ScenarioText.Parse(ScenarioText.With((21, "    to: { organizations: [bank] }")));

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("CIEX102", 11, 9, DiagnosticSeverity.Warning), (warning.Code, warning.Line, warning.Column, warning.Severity));
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Plain_text_means_the_same_in_both_languages_and_story_times_become_offsets()
    {
        var result = ScenarioText.Parse(ScenarioText.With((20, "    at: 2025-11-18T10:15:30")));

        var inject = result.Scenario!.Injects.Single();
        Assert.Equal(new TimeSpan(1, 15, 30), inject.At);
        Assert.Equal(("Ransom", "Ransom"), (inject.Title.Ja, inject.Title.En));
        Assert.Equal(("銀行", "Bank"), (result.Scenario.Organizations[0].Name.Ja, result.Scenario.Organizations[0].Name.En));
        Assert.Equal(["executive", "ciso", "manager", "staff"], result.Scenario.Organizations[0].Roles);
    }

    [Theory]
    [InlineData("+01:30", 0, 1, 30, 0)]
    [InlineData("+26:00", 1, 2, 0, 0)]
    [InlineData("+1d02:00", 1, 2, 0, 0)]
    [InlineData("+00:01:15", 0, 0, 1, 15)]
    public void Offsets_parse_in_every_documented_form(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(TimeSyntax.TryParseOffset(text, out var offset));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), offset);
    }

    [Theory]
    [InlineData("01:30")]
    [InlineData("+1d24:00")]
    [InlineData("+1:3")]
    [InlineData("+01:30:60")]
    public void Malformed_offsets_are_refused(string text) => Assert.False(TimeSyntax.TryParseOffset(text, out _));
}
