using System.Text;

namespace CiExercise.Scenarios.Tests;

/// <summary>Every count of scenario dynamics is bounded (ScenarioLimits) and refused past its bound with CIEX072.</summary>
public sealed class DynamicsLimitTests
{
    public static TheoryData<string> Bounds() => ["depth", "conditions", "services", "dependencies", "effects", "restores", "fields", "options"];

    [Theory]
    [MemberData(nameof(Bounds))]
    public void A_count_past_its_bound_is_refused_and_one_at_its_bound_is_not(string bound)
    {
        var atBound = ScenarioText.Parse(Source(bound, over: false));
        var over = ScenarioText.Parse(Source(bound, over: true));

        Assert.DoesNotContain(atBound.Diagnostics, d => d.Code == "CIEX072");
        Assert.Contains(over.Diagnostics, d => d.Code == "CIEX072");
        Assert.False(over.Succeeded);
    }

    private static string Source(string bound, bool over)
    {
        var extra = over ? 1 : 0;
        return bound switch
        {
            "depth" => DynamicsText.With((43, $"    when: {Nested(ScenarioLimits.MaxConditionDepth - 1 + extra)}")),
            "conditions" => DynamicsText.With((43, $"    when: {{ any-of: [{Repeat("{ delivered: i1 }", ScenarioLimits.MaxConditions - 1 + extra)}] }}")),
            "services" => DynamicsText.With((17, "    depends-on: [{ service: grid }]\n" + ManyServices(ScenarioLimits.MaxServices - 2 + extra))),
            "dependencies" => DynamicsText.With((17, $"    depends-on: [{Repeat("{ service: grid }", ScenarioLimits.MaxDependencies + extra)}]")),
            "effects" => DynamicsText.With((26, $"    effects: [{Repeat("{ service: grid, to: down }", ScenarioLimits.MaxEffects + extra)}]")),
            "restores" => DynamicsText.With((27,
                $"    choices: [{{ id: isolate, text: Isolate, restores: [{Repeat("grid", ScenarioLimits.MaxEffects + extra)}] }}, {{ id: wait, text: Wait }}]")),
            "fields" => DynamicsText.With((28, $"    form: {{ title: F, fields: [{Fields(ScenarioLimits.MaxFormFields + extra)}] }}")),
            "options" => DynamicsText.With((28,
                $"    form: {{ title: F, fields: [{{ id: a, label: A, type: choice, options: [{Options(ScenarioLimits.MaxFieldOptions + extra)}] }}] }}")),
            _ => throw new ArgumentOutOfRangeException(nameof(bound)),
        };
    }

    /// <summary>levels all-of lists around one decision: the condition tree is levels + 1 deep.</summary>
    private static string Nested(int levels) =>
        levels == 0 ? "{ decision: { inject: i1 } }" : $"{{ all-of: [{Nested(levels - 1)}] }}";

    private static string Repeat(string item, int count) => string.Join(", ", Enumerable.Repeat(item, count));

    private static string ManyServices(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append($"  - {{ id: s{i}, name: S, organization: power }}\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Fields(int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{ id: f{i}, label: F, type: yes-no }}"));

    private static string Options(int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => $"{{ id: o{i}, text: O }}"));
}
