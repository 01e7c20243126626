using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace CiExercise.Server.Logging;

/// <summary>
/// Request paths, ids and names come from clients, and a console sink writes a string property as it is: a
/// CR/LF in a path (%0D%0A decodes to one) would start a line of the attacker's making. Every string property
/// has its control characters escaped (\r, \n, \u001b) before any sink sees it, so user text stays data.
/// </summary>
public sealed class LogTextEscaping : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? escaped = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var safe = Escape(value);
            if (!ReferenceEquals(safe, value)) (escaped ??= []).Add(new LogEventProperty(name, safe));
        }

        foreach (var property in escaped ?? []) logEvent.AddOrUpdateProperty(property);
    }

    /// <summary>The value itself when it holds no control character, so that the common case allocates nothing.</summary>
    private static LogEventPropertyValue Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when text.Any(char.IsControl) => new ScalarValue(Escape(text)),
        SequenceValue sequence => Rebuilt(sequence.Elements, elements => new SequenceValue(elements)) ?? value,
        StructureValue structure => Rebuilt(structure.Properties.Select(p => p.Value).ToList(),
            values => new StructureValue(structure.Properties.Select((p, i) => new LogEventProperty(p.Name, values[i])), structure.TypeTag)) ?? value,
        DictionaryValue dictionary => Rebuilt(dictionary.Elements.Select(e => e.Value).ToList(),
            values => new DictionaryValue(dictionary.Elements.Select((e, i) => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                e.Key, values[i])))) ?? value,
        _ => value,
    };

    private static T? Rebuilt<T>(IReadOnlyList<LogEventPropertyValue> values, Func<IReadOnlyList<LogEventPropertyValue>, T> rebuild) where T : class
    {
        var escaped = values.Select(Escape).ToList();
        return escaped.Where((v, i) => !ReferenceEquals(v, values[i])).Any() ? rebuild(escaped) : null;
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!char.IsControl(c)) builder.Append(c);
            else if (c == '\r') builder.Append("\\r");
            else if (c == '\n') builder.Append("\\n");
            else if (c == '\t') builder.Append("\\t");
            else builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }
        return builder.ToString();
    }
}
