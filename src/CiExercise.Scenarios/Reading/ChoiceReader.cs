using CiExercise.Contracts;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

/// <summary>Reads the choices of an inject's decision and the options of a form's choice field: both are { id, text } lists.</summary>
internal static class ChoiceReader
{
    private static readonly string[] ChoiceKeys = ["id", "text", "restores"];
    private static readonly string[] OptionKeys = ["id", "text"];

    /// <summary>Two or more choices; each may name the services a decision with it restores.</summary>
    public static IReadOnlyList<ChoiceDraft> ReadChoices(ValueReader values, YamlNode? node, string what) =>
        ReadList(values, node, $"choices of {what}", "choice", ChoiceKeys, Limits.Choices, DiagnosticCodes.InvalidValue);

    /// <summary>Two or more options of a choice field.</summary>
    public static IReadOnlyList<ChoiceDraft> ReadOptions(ValueReader values, YamlNode? node, string what) =>
        ReadList(values, node, $"options of {what}", "option", OptionKeys, ScenarioLimits.MaxFieldOptions, DiagnosticCodes.InvalidField);

    private static IReadOnlyList<ChoiceDraft> ReadList(
        ValueReader values, YamlNode? node, string what, string label, string[] keys, int max, string singleCode)
    {
        var drafts = values.List(node, what, n => Read(values, n, what, label, keys), max);
        Uniqueness.Check(values.Diagnostics, drafts.Select(d => d.Id), $"{label} id in {what}");
        if (node is YamlSequence { Items.Count: 1 } one)
        {
            values.Diagnostics.Error(one.Start, singleCode, $"{what} offers a single {label}; a decision needs two or more");
        }

        return drafts;
    }

    private static ChoiceDraft? Read(ValueReader values, YamlNode node, string what, string label, string[] keys)
    {
        var map = values.Mapping(node, $"a {label} of {what}", keys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), $"{label} id");
        map.NameAs($"{label} '{id?.Id}' of {what}");
        var text = values.Text(map.Required("text"), $"text of {label} '{id?.Id}'");
        var restores = keys.Contains("restores")
            ? values.List(map.Optional("restores"), $"restores of {label} '{id?.Id}'", n => values.Id(n, "service id"), ScenarioLimits.MaxEffects)
            : [];
        var choice = new Choice(id?.Id ?? "", text ?? LocalizedText.Empty) { Restores = restores.Select(r => r.Id).Distinct().ToArray() };
        return id is null ? null : new ChoiceDraft(choice, id, restores);
    }
}
