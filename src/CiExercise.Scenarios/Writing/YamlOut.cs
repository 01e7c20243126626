using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Reading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CiExercise.Scenarios.Writing;

/// <summary>
/// Writes the scenario syntax through YamlDotNet's emitter, which quotes and escapes whatever needs it. Each method
/// that takes a key leaves the entry out when its value is absent, so the writers read like the file they make.
/// AllFlow writes every mapping and list in flow style: the one-line text a spreadsheet cell holds.
/// </summary>
internal sealed class YamlOut(IEmitter emitter, bool allFlow)
{
    private const int ShortText = 80;

    public void Map(Action body, bool flow = false)
    {
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, flow || allFlow ? MappingStyle.Flow : MappingStyle.Block));
        body();
        emitter.Emit(new MappingEnd());
    }

    public void List<T>(IEnumerable<T> items, Action<T> item, bool flow = false)
    {
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flow || allFlow ? SequenceStyle.Flow : SequenceStyle.Block));
        foreach (var value in items)
        {
            item(value);
        }

        emitter.Emit(new SequenceEnd());
    }

    /// <summary>A value read back verbatim: plain where YAML allows, quoted where plain would read as no value.</summary>
    public void Value(string value)
    {
        var style = value.Contains('\n') && !allFlow ? ScalarStyle.Literal
            : value.Length == 0 || value is "~" or "null" or "Null" or "NULL" ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, true, true));
    }

    /// <summary>Offsets and durations are quoted, as scenarios/README.md asks, so other YAML tools read them as text too.</summary>
    public void Quoted(string value) => emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true));

    public void Entry(string key, Action value)
    {
        Value(key);
        value();
    }

    public void Entry(string key, string? value)
    {
        if (value is not null)
        {
            Entry(key, () => Value(value));
        }
    }

    public void Entry<TEnum>(string key, TEnum? value) where TEnum : struct, Enum
    {
        if (value is { } set)
        {
            Entry(key, KebabNames<TEnum>.NameOf(set));
        }
    }

    /// <summary>Written only when true: false is every flag's default.</summary>
    public void Flag(string key, bool value)
    {
        if (value)
        {
            Entry(key, "true");
        }
    }

    public void Offset(string key, TimeSpan? offset)
    {
        if (offset is { } value)
        {
            Entry(key, () => Quoted(TimeSyntax.FormatOffset(value)));
        }
    }

    public void Duration(string key, TimeSpan? duration)
    {
        if (duration is { } value)
        {
            Entry(key, () => Quoted(TimeSyntax.FormatOffset(value)[1..]));
        }
    }

    /// <summary>A list of ids or names in flow style; left out when empty unless always.</summary>
    public void Names(string key, IEnumerable<string> names, bool always = false)
    {
        var list = names.ToArray();
        if (list.Length > 0 || always)
        {
            Entry(key, () => List(list, Value, flow: true));
        }
    }

    public void Text(string key, LocalizedText? text)
    {
        if (text is not null && (text.Ja is not null || text.En is not null))
        {
            Entry(key, () => Text(text));
        }
    }

    /// <summary>One string when both languages say the same (the reader reads it so), { ja, en } otherwise.</summary>
    public void Text(LocalizedText text)
    {
        if (text.Ja == text.En && text.Ja is not null)
        {
            Value(text.Ja);
            return;
        }

        // Short single-line texts side by side on one line, as the files in scenarios/ write names and titles.
        var shortText = (text.Ja?.Length ?? 0) + (text.En?.Length ?? 0) <= ShortText && !$"{text.Ja}{text.En}".Contains('\n');
        Map(() =>
        {
            Entry("ja", text.Ja);
            Entry("en", text.En);
        }, flow: shortText);
    }
}
