using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Tests;

/// <summary>The after-action review's terms: critical tasks, incident/escalation/severity injects, CEPTOAR membership, the review section.</summary>
public sealed class ParserReviewTermTests
{
    private static readonly string[] Lines =
    [
        "id: t",                                           // 1
        "title: Test",                                     // 2
        "time-zone: Asia/Tokyo",                           // 3
        "start: 2025-11-18T09:00",                         // 4
        "organizations:",                                  // 5
        "  - id: bank",                                    // 6
        "    name: Bank",                                  // 7
        "    sector: finance",                             // 8
        "    reports-to: fsa",                             // 9
        "    ceptoar: fin-ceptoar",                        // 10
        "  - id: fsa",                                     // 11
        "    name: FSA",                                   // 12
        "    sector: ministry",                            // 13
        "  - id: fin-ceptoar",                             // 14
        "    name: Finance CEPTOAR",                       // 15
        "    sector: ceptoar",                             // 16
        "objectives:",                                     // 17
        "  - id: o1",                                      // 18
        "    text: Report",                                // 19
        "    capability: reporting",                       // 20
        "    tasks:",                                      // 21
        "      - { id: first-report, text: First report }", // 22
        "      - id: follow-up",                           // 23
        "        text: { ja: 続報, en: Follow-up }",        // 24
        "injects:",                                        // 25
        "  - id: i1",                                      // 26
        "    at: \"+00:30\"",                              // 27
        "    to: everyone",                                // 28
        "    from: Attacker",                              // 29
        "    channel: email",                              // 30
        "    title: Ransom",                               // 31
        "    body: Pay",                                   // 32
        "    objectives: [o1]",                            // 33
        "    incident: true",                              // 34
        "    escalation: true",                            // 35
        "    severity: { expected: 3 }",                   // 36
        "  - id: i2",                                      // 37
        "    at: \"+01:00\"",                              // 38
        "    to: { organizations: [bank] }",               // 39
        "    from: Ministry",                              // 40
        "    channel: report",                             // 41
        "    title: Rate it",                              // 42
        "    body: How bad is it?",                        // 43
        "    objectives: [o1]",                            // 44
        "    severity: true",                              // 45
        "review:",                                         // 46
        "  reach-within:",                                 // 47
        "    ministry: \"00:45\"",                         // 48
        "    other-sector: \"03:00\"",                     // 49
        "  escalation-roles: [executive]",                 // 50
        "  hot-wash:",                                     // 51
        "    - { id: realism, text: Realistic?, kind: rating, required: true }", // 52
        "    - { id: notes, text: Notes, kind: text }",    // 53
    ];

    private static string With(params (int Line, string? Text)[] changes) => ScenarioText.With(Lines, changes);

    [Fact]
    public void Every_new_term_is_read_into_the_scenario()
    {
        var result = ScenarioText.Parse(With());

        Assert.Empty(result.Diagnostics);
        var scenario = result.Scenario!;
        Assert.Equal("fin-ceptoar", scenario.FindOrganization("bank")!.Ceptoar);
        Assert.Null(scenario.FindOrganization("fsa")!.Ceptoar);
        Assert.Equal([("first-report", "First report"), ("follow-up", "続報")],
            scenario.Objectives[0].Tasks.Select(t => (t.Id, t.Text.Ja)));
        var i1 = scenario.FindInject("i1")!;
        Assert.Equal((true, true, 3), (i1.Incident, i1.Escalation, i1.Severity?.Expected));
        var i2 = scenario.FindInject("i2")!;
        Assert.Equal((false, false, true, (int?)null), (i2.Incident, i2.Escalation, i2.Severity is not null, i2.Severity?.Expected));
        var review = scenario.Review;
        Assert.Equal(new ReachWindows(TimeSpan.FromMinutes(45), ReachWindows.Default.NationalCentre, ReachWindows.Default.Ceptoar, TimeSpan.FromHours(3)),
            review.ReachWithin);
        Assert.Equal(["executive"], review.EscalationRoles);
        Assert.Equal([("realism", HotWashQuestionKind.Rating, true), ("notes", HotWashQuestionKind.Text, false)],
            review.HotWash.Select(q => (q.Id, q.Kind, q.Required)));
    }

    [Fact]
    public void Without_the_new_terms_a_scenario_gets_the_defaults()
    {
        var scenario = ScenarioText.Parse(ScenarioText.Valid).Scenario!;

        Assert.Equal(ReviewSettings.Default, scenario.Review with { });
        Assert.Equal(HotWashQuestion.Defaults, scenario.Review.HotWash);
        Assert.All(scenario.Injects, i => Assert.Equal((false, false, (SeverityAsk?)null), (i.Incident, i.Escalation, i.Severity)));
        Assert.Empty(scenario.Objectives[0].Tasks);
        Assert.Null(scenario.Organizations[0].Ceptoar);
    }

    [Fact]
    public void Severity_false_asks_for_nothing_and_an_empty_mapping_asks_without_an_expected_level()
    {
        var scenario = ScenarioText.Parse(With((36, "    severity: false"), (45, "    severity: {}"))).Scenario!;

        Assert.Null(scenario.FindInject("i1")!.Severity);
        Assert.Equal(new SeverityAsk(null), scenario.FindInject("i2")!.Severity);
    }

    [Theory]
    [InlineData(23, "      - id: first-report", "CIEX020", 23, 13)]
    [InlineData(22, "      - { id: first report, text: First }", "CIEX014", 22, 15)]
    [InlineData(22, "      - { id: t1 }", "CIEX012", 22, 9)]
    [InlineData(22, "      - first-report", "CIEX011", 22, 9)]
    [InlineData(36, "    severity: { expected: 5 }", "CIEX050", 36, 27)]
    [InlineData(36, "    severity: { expected: high }", "CIEX050", 36, 27)]
    [InlineData(36, "    severity: { expected: -1 }", "CIEX050", 36, 27)]
    [InlineData(36, "    severity: { level: 2 }", "CIEX010", 36, 17)]
    [InlineData(45, "    severity: yes", "CIEX011", 45, 15)]
    [InlineData(34, "    incident: maybe", "CIEX011", 34, 15)]
    [InlineData(35, "    escalation: [ciso]", "CIEX011", 35, 17)]
    [InlineData(10, "    ceptoar: fsa", "CIEX051", 10, 14)]
    [InlineData(10, "    ceptoar: nobody", "CIEX021", 10, 14)]
    [InlineData(10, "    ceptoar: [fin-ceptoar]", "CIEX011", 10, 14)]
    [InlineData(46, "reviews:", "CIEX010", 46, 1)]
    [InlineData(47, "  reach:", "CIEX010", 47, 3)]
    [InlineData(48, "    ministry: soon", "CIEX030", 48, 15)]
    [InlineData(49, "    other-sectors: \"03:00\"", "CIEX010", 49, 5)]
    [InlineData(50, "  escalation-roles: [executive, chairman]", "CIEX022", 50, 33)]
    [InlineData(50, "  escalation-roles: [executive, executive]", "CIEX020", 50, 33)]
    [InlineData(53, "    - { id: realism, text: Notes, kind: text }", "CIEX020", 53, 13)]
    [InlineData(53, "    - { id: notes, text: Notes, kind: stars }", "CIEX014", 53, 39)]
    [InlineData(53, "    - { id: notes, text: Notes }", "CIEX012", 53, 7)]
    [InlineData(53, "    - { id: notes, text: Notes, kind: text, required: perhaps }", "CIEX011", 53, 55)]
    public void Each_error_in_the_new_terms_is_reported_with_its_code_line_and_column(int line, string text, string code, int atLine, int atColumn)
    {
        var result = ScenarioText.Parse(With((line, text)));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Line == atLine && d.Column == atColumn && d.IsError);
    }

    [Fact]
    public void More_than_twenty_hot_wash_questions_are_refused_at_the_list()
    {
        var questions = string.Join('\n', Enumerable.Range(1, 21).Select(i => $"    - {{ id: q{i}, text: Q{i}, kind: rating }}"));
        var result = ScenarioText.Parse(With((52, questions), (53, null)));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("t.yaml:52:5: error CIEX052: the hot wash has 21 questions; at most 20 are asked", diagnostic.ToString());
    }

    [Fact]
    public void A_ceptoar_outside_the_ceptoar_sector_is_named_with_its_sector()
    {
        var result = ScenarioText.Parse(With((10, "    ceptoar: fsa")));

        Assert.Equal("t.yaml:10:14: error CIEX051: organization 'bank' names 'fsa' as its ceptoar, but 'fsa' is in sector ministry, not ceptoar",
            Assert.Single(result.Diagnostics).ToString());
    }
}
