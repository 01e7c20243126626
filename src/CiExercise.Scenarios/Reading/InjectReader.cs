using System.Globalization;
using CiExercise.Contracts;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

internal static class InjectReader
{
    private static readonly string[] Keys =
    [
        "id", "at", "to", "from", "channel", "title", "body", "expected-action", "response-window", "objectives", "choices", "incident",
        "escalation", "severity", .. HoldReader.Keys, "effects", "form", "outlet", "handle",
    ];

    private static readonly string[] SeverityKeys = ["expected"];

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
        // A held inject may leave out its time: it then waits from the start.
        var atNode = map.Optional("when") is null ? map.Required("at") : map.Optional("at");
        var at = ReadAt(values, atNode, clock, what);
        var to = RecipientsReader.Read(map.Required("to"), values, what);
        var from = values.Text(map.Required("from"), $"from of {what}");
        var channel = values.Enum<Channel>(map.Required("channel"), $"channel of {what}", "channel", DiagnosticCodes.InvalidValue);
        var title = values.Text(map.Required("title"), $"title of {what}");
        var body = values.Text(map.Required("body"), $"body of {what}");
        var expected = values.Text(map.Optional("expected-action"), $"expected-action of {what}");
        var window = values.Duration(map.Optional("response-window"), $"response-window of {what}");
        var objectives = values.List(map.Optional("objectives"), $"objectives of {what}", n => values.Id(n, "objective id"));
        var choices = ChoiceReader.ReadChoices(values, map.Optional("choices"), what);
        var incident = values.Bool(map.Optional("incident"), $"incident of {what}") ?? false;
        var escalation = values.Bool(map.Optional("escalation"), $"escalation of {what}") ?? false;
        var severity = ReadSeverity(values, map.Optional("severity"), what);
        var hold = HoldReader.Read(values, map, what);
        var effects = ServiceReader.ReadEffects(values, map.Optional("effects"), what);
        var form = FormReader.Read(values, map.Optional("form"), what);
        var outlet = values.Text(FeedOnly(values, map, "outlet", channel, what), $"outlet of {what}");
        var handle = ReadHandle(values, FeedOnly(values, map, "handle", channel, what), what);

        var inject = new Inject(id?.Id ?? "", at ?? TimeSpan.Zero, to?.Value ?? Recipients.All, from ?? LocalizedText.Empty,
            channel ?? default, title ?? LocalizedText.Empty, body ?? LocalizedText.Empty, expected, window,
            objectives.Select(o => o.Id).Distinct().ToArray(), choices.Select(c => c.Value).ToArray())
        {
            Incident = incident,
            Escalation = escalation,
            Severity = severity,
            Hold = hold?.Value,
            Effects = effects.Select(e => e.Value).ToArray(),
            Form = form,
            Outlet = outlet,
            Handle = handle,
        };
        return new InjectDraft(inject, id?.At ?? map.Start, atNode?.Start, at is not null, to, objectives)
        {
            Choices = choices,
            Hold = hold,
            Effects = effects,
        };
    }

    /// <summary>
    /// The value of an outlet (news and social-media injects) or a handle (social-media injects only): the feed is
    /// the only place they show, so on another channel they are refused rather than silently lost.
    /// </summary>
    private static YamlNode? FeedOnly(ValueReader values, MappingReader map, string key, Channel? channel, string what)
    {
        var node = map.Optional(key);
        var allowed = key == "handle" ? channel is Channel.SocialMedia : channel is Channel.News or Channel.SocialMedia;
        if (node is null || allowed || channel is null)
        {
            return node;
        }

        values.Diagnostics.Error(node.Start, DiagnosticCodes.FeedOnly, key == "handle"
            ? $"'handle' of {what} belongs to social-media injects; its channel is {KebabNames<Channel>.NameOf(channel.Value)}"
            : $"'outlet' of {what} belongs to news and social-media injects; its channel is {KebabNames<Channel>.NameOf(channel.Value)}");
        return null;
    }

    private static string? ReadHandle(ValueReader values, YamlNode? node, string what)
    {
        var handle = values.String(node, $"handle of {what}");
        if (handle is null || (handle.Length is > 0 and <= ScenarioLimits.MaxHandleLength && !handle.Any(char.IsWhiteSpace)))
        {
            return handle;
        }

        values.Diagnostics.Error(node!.Start, DiagnosticCodes.InvalidValue,
            $"handle of {what} is '{Limits.Quote(handle)}'; write 1 to {ScenarioLimits.MaxHandleLength} characters without spaces, such as @kobe_resident");
        return null;
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
}
