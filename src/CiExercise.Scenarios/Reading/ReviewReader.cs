using CiExercise.Contracts;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// Reads "review": the reach windows of the reporting chain, the roles that count as escalation and the hot-wash
/// questions. Each part left out keeps its default (ReviewSettings.Default), so a scenario without the section reads as before.
/// </summary>
internal static class ReviewReader
{
    private static readonly string[] Keys = ["reach-within", "escalation-roles", "hot-wash"];
    private static readonly string[] ReachKeys = ["ministry", "national-centre", "ceptoar", "other-sector"];
    private static readonly string[] QuestionKeys = ["id", "text", "kind", "required"];

    public static ReviewDraft Read(YamlNode? node, ValueReader values)
    {
        var defaults = ReviewSettings.Default;
        var map = values.Mapping(node, "review", Keys);
        if (map is null)
        {
            return new ReviewDraft(defaults, []);
        }

        var reach = ReadReach(values, map.Optional("reach-within"), defaults.ReachWithin);
        var rolesNode = map.Optional("escalation-roles");
        var roles = values.List(rolesNode, "escalation-roles of review", n => values.Id(n, "role"));
        Uniqueness.Check(values.Diagnostics, roles, "escalation role");
        var hotWashNode = map.Optional("hot-wash");
        var questions = values.List(hotWashNode, "hot-wash of review", n => ReadQuestion(values, n));
        Uniqueness.Check(values.Diagnostics, questions.Select(q => q.Id), "hot-wash question id");
        if (hotWashNode is YamlSequence { Items.Count: > Limits.HotWashAnswers } many)
        {
            values.Diagnostics.Error(many.Start, DiagnosticCodes.TooManyHotWashQuestions,
                $"the hot wash has {many.Items.Count} questions; at most {Limits.HotWashAnswers} are asked");
        }

        var settings = new ReviewSettings(
            reach,
            rolesNode is null ? defaults.EscalationRoles : roles.Select(r => r.Id).Distinct().ToArray(),
            hotWashNode is null ? defaults.HotWash : questions.Select(q => q.Question).ToArray());
        return new ReviewDraft(settings, roles);
    }

    private static ReachWindows ReadReach(ValueReader values, YamlNode? node, ReachWindows defaults)
    {
        var map = values.Mapping(node, "reach-within of review", ReachKeys);
        if (map is null)
        {
            return defaults;
        }

        TimeSpan Window(string key, TimeSpan fallback) => values.Duration(map.Optional(key), $"reach-within {key}") ?? fallback;
        return new ReachWindows(Window("ministry", defaults.Ministry), Window("national-centre", defaults.NationalCentre),
            Window("ceptoar", defaults.Ceptoar), Window("other-sector", defaults.OtherSector));
    }

    private static QuestionDraft? ReadQuestion(ValueReader values, YamlNode node)
    {
        var map = values.Mapping(node, "a hot-wash question", QuestionKeys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), "hot-wash question id");
        var what = $"hot-wash question '{id?.Id}'";
        map.NameAs(what);
        var text = values.Text(map.Required("text"), $"text of {what}");
        var kind = values.Enum<HotWashQuestionKind>(map.Required("kind"), $"kind of {what}", "hot-wash kind", DiagnosticCodes.InvalidValue);
        var required = values.Bool(map.Optional("required"), $"required of {what}") ?? false;
        return id is null || kind is null
            ? null
            : new QuestionDraft(new HotWashQuestion(id.Id, text ?? LocalizedText.Empty, kind.Value, required), id);
    }

    private sealed record QuestionDraft(HotWashQuestion Question, IdRef Id);
}
