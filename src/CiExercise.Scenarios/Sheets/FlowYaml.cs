using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// Writes one value of the scenario syntax as YAML flow text on one line ({id: a, text: {ja: あ, en: A}}), with
/// YamlDotNet's emitter, which quotes whatever would not read back as written.
/// </summary>
internal sealed class FlowYaml
{
    private readonly List<ParsingEvent> _events = [];

    public static string Write(Action<FlowYaml> value)
    {
        var yaml = new FlowYaml();
        value(yaml);
        using var text = new StringWriter();
        var emitter = new Emitter(text, 2, int.MaxValue, false);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        foreach (var e in yaml._events) emitter.Emit(e);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString().Trim();
    }

    public FlowYaml Map(Action<FlowYaml> entries)
    {
        _events.Add(new MappingStart(null, null, true, MappingStyle.Flow));
        entries(this);
        _events.Add(new MappingEnd());
        return this;
    }

    public FlowYaml List<T>(IEnumerable<T> items, Action<FlowYaml, T> item)
    {
        _events.Add(new SequenceStart(null, null, true, SequenceStyle.Flow));
        foreach (var value in items) item(this, value);
        _events.Add(new SequenceEnd());
        return this;
    }

    /// <summary>A scalar; quoted when YAML would read it as nothing ("", "~", "null").</summary>
    public FlowYaml Value(string text)
    {
        var nothing = text.Length == 0 || text == "~" || text.Equals("null", StringComparison.OrdinalIgnoreCase);
        _events.Add(new Scalar(null, null, text, nothing ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
        return this;
    }

    /// <summary>key: value, left out when value is null.</summary>
    public FlowYaml Entry(string key, string? value) => value is null ? this : Value(key).Value(value);

    /// <summary>Writes more entries or items in the middle of a chain.</summary>
    public FlowYaml Do(Action<FlowYaml> more)
    {
        more(this);
        return this;
    }

    /// <summary>key: then the value written by value.</summary>
    public FlowYaml Entry(string key, Action<FlowYaml> value)
    {
        Value(key);
        value(this);
        return this;
    }
}
