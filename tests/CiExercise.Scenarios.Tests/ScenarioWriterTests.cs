using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Reading;
using CiExercise.Scenarios.Writing;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Tests;

/// <summary>A written scenario reads back as the same scenario (compared as its stored JSON, ScenarioJson).</summary>
public sealed class ScenarioWriterTests
{
    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>(SampleScenarioTests.ScenarioFiles().Select(f => Path.Combine(RepositoryScenarios.Folder, f.Data)));
        files.Add(RepositoryScenarios.DynamicsPath);
        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_written_scenario_reads_back_as_the_same_scenario(string path)
    {
        var original = ScenarioParser.ParseFile(path).Scenario!;

        var text = ScenarioWriter.Write(original);
        var result = ScenarioParser.Parse(text, "written.yaml");

        Assert.Empty(result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.Equal(ScenarioJson.Serialize(original), ScenarioJson.Serialize(result.Scenario));
        Assert.Equal(text, ScenarioWriter.Write(result.Scenario!));
    }

    [Fact]
    public void Text_that_yaml_would_read_otherwise_is_quoted_and_multi_line_text_kept()
    {
        var original = ScenarioText.Parse(ScenarioText.Valid).Scenario!;
        var inject = original.Injects[0] with
        {
            Title = new LocalizedText("null", "- a: b # c"),
            Body = new LocalizedText("一行目\n二行目", "line one\n\nline three"),
            From = new LocalizedText("@attacker", "'quoted' \"both\""),
        };
        var changed = original with { Injects = [inject] };

        var result = ScenarioParser.Parse(ScenarioWriter.Write(changed), "written.yaml");

        Assert.Equal(ScenarioJson.Serialize(changed), ScenarioJson.Serialize(result.Scenario));
    }

    [Fact]
    public void Offsets_and_durations_are_quoted_and_long_lines_are_not_folded()
    {
        var scenario = ScenarioParser.ParseFile(RepositoryScenarios.DynamicsPath).Scenario!;

        var lines = ScenarioWriter.Write(scenario).Split('\n');

        Assert.Contains("duration: \"06:00\"", lines);
        Assert.Contains(lines, l => l.Trim() == "at: \"+00:10\"");
        Assert.Contains(lines, l => l.Trim() == "- {service: cloud-x, tolerance: \"00:30\"}");
        Assert.Contains(lines, l => l.Trim() == "- decision: {inject: inj-1, choice: isolate, by: kansai-power}");
        Assert.Contains(lines, l => l.Trim() == "- message: {to: meti, by: kansai-power, regarding: inj-1}");
    }

    [Fact]
    public void Flow_text_of_each_complex_value_reads_back_with_the_readers()
    {
        var inject = ScenarioParser.ParseFile(RepositoryScenarios.DynamicsPath).Scenario!.FindInject("inj-3")!;
        var first = ScenarioParser.ParseFile(RepositoryScenarios.DynamicsPath).Scenario!.FindInject("inj-1")!;

        var condition = ScenarioWriter.WriteFlow(inject.Hold!.When!);
        var choices = ScenarioWriter.WriteFlow(first.Choices);
        var form = ScenarioWriter.WriteFlow(first.Form!);
        var effects = ScenarioWriter.WriteFlow(first.Effects);

        Assert.DoesNotContain('\n', condition + choices + form + effects);
        Assert.Equal(ScenarioJson.Serialize(inject.Hold.When), ScenarioJson.Serialize(Read(condition, (v, n) => new ConditionReader(v, "cell").Read(n, "when")?.Value)));
        Assert.Equal(ScenarioJson.Serialize(first.Choices), ScenarioJson.Serialize(Read(choices, (v, n) => ChoiceReader.ReadChoices(v, n, "cell").Select(c => c.Value).ToArray())));
        Assert.Equal(ScenarioJson.Serialize(first.Form), ScenarioJson.Serialize(Read(form, (v, n) => FormReader.Read(v, n, "cell"))));
        Assert.Equal(ScenarioJson.Serialize(first.Effects), ScenarioJson.Serialize(Read(effects, (v, n) => ServiceReader.ReadEffects(v, n, "cell").Select(e => e.Value).ToArray())));
    }

    private static T Read<T>(string text, Func<ValueReader, YamlNode, T> read)
    {
        var diagnostics = new DiagnosticBag("cell");
        var value = read(new ValueReader(diagnostics), YamlTreeReader.Read(text, diagnostics)!);
        Assert.Empty(diagnostics.Items);
        return value;
    }
}
