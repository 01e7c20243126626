using System.Globalization;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

internal static class InjectReader
{
    private static readonly string[] Keys =
        ["id", "at", "to", "from", "channel", "title", "body", "expected-action", "response-window", "objectives", "choices", "incident",
            "escalation", "severity"];

    private static readonly string[] SeverityKeys = ["expected"];

    private static readonly string[] ChoiceKeys = ["id", "text"];

    /// <param name="clock">Null when the scenario's start or zone is broken; story date-times are then not converted.</param>
    public static InjectDraft? Read(YamlNode node, ValueReader values, StoryClock? clock)
    {
        var map = values.Mapping(node, "an inject", Keys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), "inject id");
        var what = $"inject '{id?.Id}'";
        map.NameAs(what);
        var atNode = map.Required("at");
        var at = ReadAt(values, atNode, clock, what);
        var to = RecipientsReader.Read(map.Required("to"), values, what);
        var from = values.Text(map.Required("from"), $"from of {what}");
        var channel = values.Enum<Channel>(map.Required("channel"), $"channel of {what}", "channel", DiagnosticCodes.InvalidValue);
        var title = values.Text(map.Required("title"), $"title of {what}");
        var body = values.Text(map.Required("body"), $"body of {what}");
        var expected = values.Text(map.Optional("expected-action"), $"expected-action of {what}");
        var window = values.Duration(map.Optional("response-window"), $"response-window of {what}");
        var objectives = values.List(map.Optional("objectives"), $"objectives of {what}", n => values.Id(n, "objective id"));
        var choices = ReadChoices(values, map.Optional("choices"), what);
        var incident = values.Bool(map.Optional("incident"), $"incident of {what}") ?? false;
        var escalation = values.Bool(map.Optional("escalation"), $"escalation of {what}") ?? false;
        var severity = ReadSeverity(values, map.Optional("severity"), what);

        var inject = new Inject(id?.Id ?? "", at ?? TimeSpan.Zero, to?.Value ?? Recipients.All, from ?? LocalizedText.Empty,
            channel ?? default, title ?? LocalizedText.Empty, body ?? LocalizedText.Empty, expected, window,
            objectives.Select(o => o.Id).Distinct().ToArray(), choices)
        {
            Incident = incident,
            Escalation = escalation,
            Severity = severity,
        };
        return new InjectDraft(inject, id?.At ?? map.Start, atNode?.Start, at is not null, to, objectives);
    }

    private static TimeSpan? ReadAt(ValueReader values, YamlNode? node, StoryClock? clock, string what)
    {
        var scalar = values.Scalar(node, $"'at' of {what}");
        if (scalar is null)
        {
            return null;
        }

        if (scalar.Value.StartsWith('+'))
        {
            return values.Offset(scalar, $"'at' of {what}");
        }

        if (TimeSyntax.TryParseStoryTime(scalar.Value, out var local))
        {
            return clock?.OffsetOf(local);
        }

        values.Diagnostics.Error(scalar.Start, DiagnosticCodes.BadTimeFormat,
            $"'at' of {what} is '{scalar.Value}'; write an offset such as +01:30 or a story time such as 2025-11-12T10:30");
        return null;
    }

    /// <summary>"severity: true" asks for a rating; "severity: { expected: 0..4 }" also sets the level the authors expect.</summary>
    private static SeverityAsk? ReadSeverity(ValueReader values, YamlNode? node, string what)
    {
        if (node is YamlScalar)
        {
            return values.Bool(node, $"severity of {what}") is true ? new SeverityAsk(null) : null;
        }

        var map = values.Mapping(node, $"severity of {what}", SeverityKeys);
        if (map is null)
        {
            return null;
        }

        var expected = values.Scalar(map.Optional("expected"), $"expected severity of {what}");
        if (expected is null)
        {
            return new SeverityAsk(null);
        }

        if (int.TryParse(expected.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            && level <= SeverityRating.MaxLevel)
        {
            return new SeverityAsk(level);
        }

        values.Diagnostics.Error(expected.Start, DiagnosticCodes.SeverityOutOfRange,
            $"expected severity of {what} is '{expected.Value}'; write a level from 0 to {SeverityRating.MaxLevel}");
        return null;
    }

    private static IReadOnlyList<Choice> ReadChoices(ValueReader values, YamlNode? node, string what)
    {
        var drafts = values.List(node, $"choices of {what}", n => ReadChoice(values, n, what));
        Uniqueness.Check(values.Diagnostics, drafts.Select(d => d.Id), $"choice id in {what}");
        if (node is YamlSequence { Items.Count: 1 } one)
        {
            values.Diagnostics.Error(one.Start, DiagnosticCodes.InvalidValue, $"{what} offers a single choice; a decision needs two or more");
        }

        return drafts.Select(d => d.Choice).ToArray();
    }

    private static ChoiceDraft? ReadChoice(ValueReader values, YamlNode node, string what)
    {
        var map = values.Mapping(node, $"a choice of {what}", ChoiceKeys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), "choice id");
        var text = values.Text(map.Required("text"), $"text of choice '{id?.Id}'");
        return id is null ? null : new ChoiceDraft(new Choice(id.Id, text ?? LocalizedText.Empty), id);
    }

    private sealed record ChoiceDraft(Choice Choice, IdRef Id);
}
