using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Tests;

/// <summary>Every check of scenario dynamics, each reported with its code at the line and column of what it is about.</summary>
public sealed class DynamicsErrorTests
{
    [Fact]
    public void The_base_text_is_valid_and_reads_its_dynamics()
    {
        var result = ScenarioText.Parse(DynamicsText.Valid);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(["grid", "pumps"], result.Scenario!.Services.Select(s => s.Id));
        Assert.Equal(TimeSpan.Zero, result.Scenario.FindInject("i2")!.At);
    }

    public static TheoryData<string, int, string?, string, int, string> Errors() => new()
    {
        // name, line, replacement, code, line reported, token reported at
        { "unknown inject", 43, "    when: { decision: { inject: i9 } }", "CIEX060", 43, "i9" },
        { "unknown regarding inject", 43, "    when: { message: { to: meti, regarding: i9 } }", "CIEX060", 43, "i9" },
        { "choice not offered", 43, "    when: { decision: { inject: i1, choice: pay } }", "CIEX061", 43, "pay" },
        { "choice of an inject without choices", 43, "    when: { decision: { inject: i2, choice: pay } }", "CIEX061", 43, "pay" },
        { "unknown service in a condition", 35, "    when: { service: { id: pipes, state: down } }", "CIEX062", 35, "pipes" },
        { "unknown service in effects", 26, "    effects: [{ service: grd, to: down }]", "CIEX062", 26, "grd" },
        { "unknown service restored", 27, "    choices: [{ id: isolate, text: Isolate, restores: [grd] }, { id: wait, text: Wait }]", "CIEX062", 27, "grd" },
        { "unknown dependency", 17, "    depends-on: [{ service: gird }]", "CIEX062", 17, "gird" },
        { "service of an unknown organization", 13, "    organization: powr", "CIEX021", 13, "powr" },
        { "scope of an unknown organization", 43, "    when: { decision: { inject: i1, by: powr } }", "CIEX021", 43, "powr" },
        { "message to an unknown organization", 43, "    when: { message: { to: mety } }", "CIEX021", 43, "mety" },
        { "scope outside the recipients", 43, "    when: { decision: { inject: i1, by: water } }", "CIEX063", 43, "water" },
        { "sector outside the recipients", 43, "    when: { severity: { inject: i1, at-least: 1, by: { sector: water } } }", "CIEX063", 43, "{ sector" },
        { "sector nobody is in", 43, "    when: { statement: { by: { sector: gas } } }", "CIEX063", 43, "{ sector" },
        { "service dependency loop", 13, "    organization: power\n    depends-on: [{ service: pumps }]", "CIEX065", 14, "pumps" },
        { "service depending on itself", 17, "    depends-on: [{ service: pumps }]", "CIEX065", 17, "pumps" },
        { "severity never asked", 43, "    when: { severity: { inject: i1, at-least: 2 } }", "CIEX066", 43, "i1" },
        { "report without a form", 43, "    when: { report: { inject: i1 } }", "CIEX066", 43, "i1" },
        { "not-acknowledged judged before the inject fires", 43, "    when: { not-acknowledged: { inject: i1, at: \"+00:05\" } }", "CIEX067", 43, "\"+00:05\"" },
        { "deadline before the earliest time", 44, "    deadline: \"+00:05\"", "CIEX067", 44, "\"+00:05\"" },
        { "deadline after the duration", 44, "    deadline: \"+05:00\"", "CIEX032", 44, "\"+05:00\"" },
        { "not-acknowledged after the duration", 43, "    when: { not-acknowledged: { inject: i1, at: \"+05:00\" } }", "CIEX032", 43, "\"+05:00\"" },
        { "state nothing brings about", 35, "    when: { service: { id: grid, state: degraded } }", "CIEX068", 35, "degraded" },
        { "up of a service that never goes down", 35, "    when: { service: { id: grid, state: up } }", "CIEX068", 35, "up" },
        { "outlet on an email", 28, "    outlet: Daily", "CIEX071", 28, "Daily" },
        { "handle on news", 36, "    handle: \"@daily\"", "CIEX071", 36, "\"@daily\"" },
        { "option on a text field", 28, "    form: { title: F, fields: [{ id: a, label: A, type: text, options: [{ id: x, text: X }, { id: y, text: Y }] }] }", "CIEX070", 28, "[{ id: x" },
        { "choice field without options", 28, "    form: { title: F, fields: [{ id: a, label: A, type: choice }] }", "CIEX070", 28, "{ id: a" },
        { "choice field with one option", 28, "    form: { title: F, fields: [{ id: a, label: A, type: choice, options: [{ id: x, text: X }] }] }", "CIEX070", 28, "[{ id: x" },
        { "max below min", 28, "    form: { title: F, fields: [{ id: a, label: A, type: number, min: 5, max: -1 }] }", "CIEX070", 28, "-1" },
        { "max-length on a number", 28, "    form: { title: F, fields: [{ id: a, label: A, type: number, max-length: 10 }] }", "CIEX070", 28, "10" },
        { "duplicate field id", 28, "    form: { title: F, fields: [{ id: a, label: A, type: text }, { id: a, label: B, type: yes-no }] }", "CIEX020", 28, "a, label: B" },
        { "form without fields", 28, "    form: { title: F, fields: [] }", "CIEX012", 28, "[]" },
        { "two keys in one condition", 43, "    when: { delivered: i1, statement: {} }", "CIEX014", 43, "{ delivered" },
        { "unknown condition", 43, "    when: { decided: { inject: i1 } }", "CIEX010", 43, "decided" },
        { "empty all-of", 43, "    when: { all-of: [] }", "CIEX012", 43, "[]" },
        { "share above one", 43, "    when: { decision: { inject: i1, by: { share: 1.5 } } }", "CIEX014", 43, "1.5" },
        { "share of zero", 43, "    when: { decision: { inject: i1, by: { share: 0 } } }", "CIEX014", 43, "0 }" },
        { "scope naming no one", 43, "    when: { decision: { inject: i1, by: {} } }", "CIEX012", 43, "{} }" },
        { "delay without when", 28, "    unless: { delivered: i2 }\n    delay: \"00:10\"", "CIEX014", 29, "\"00:10\"" },
        { "restoring in a file", 26, "    effects: [{ service: grid, to: restoring }]", "CIEX014", 26, "restoring" },
        { "unknown service state", 35, "    when: { service: { id: pumps, state: broken } }", "CIEX014", 35, "broken" },
        { "severity level out of range", 43, "    when: { severity: { inject: i1, at-least: 5 } }", "CIEX050", 43, "5" },
        { "handle with a space", 32, "    channel: social-media\n    handle: \"@a b\"", "CIEX014", 33, "\"@a b\"" },
        { "at missing without when", 20, null, "CIEX012", 19, "id: i1" },
        { "zero recovery", 13, "    organization: power\n    recovery: \"00:00\"", "CIEX030", 14, "\"00:00\"" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Each_dynamics_error_is_reported_with_its_code_line_and_column(string name, int line, string? text, string code, int atLine, string token)
    {
        // A check that needs a second change: no severity asked, or nothing taking the grid down.
        (int, string?) second = name switch
        {
            "severity never asked" => (28, "    incident: true"),
            "up of a service that never goes down" => (26, "    incident: true"),
            _ => (line, text),
        };
        var source = DynamicsText.With((line, text), second);

        var result = ScenarioText.Parse(source);

        var expected = (code, atLine, DynamicsText.ColumnOf(source, atLine, token));
        Assert.False(result.Succeeded, name);
        Assert.Contains(expected, result.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Line, d.Column)));
    }
}
