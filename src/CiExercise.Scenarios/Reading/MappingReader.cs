using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// Gives access to the keys of one mapping, having reported every key it does not know. "what" names
/// the mapping in messages ("inject 'i-07'", "organization", "scenario").
/// </summary>
internal sealed class MappingReader
{
    private readonly YamlMapping _mapping;
    private readonly DiagnosticBag _diagnostics;
    private string _what;

    public MappingReader(YamlMapping mapping, string what, IReadOnlyList<string> keys, DiagnosticBag diagnostics)
    {
        _mapping = mapping;
        _diagnostics = diagnostics;
        _what = what;
        foreach (var entry in mapping.Entries.Where(e => !keys.Contains(e.Key.Value)))
        {
            diagnostics.Error(entry.Key.Start, DiagnosticCodes.UnknownKey,
                $"unknown key '{entry.Key.Value}' in {what}; expected one of: {string.Join(", ", keys)}");
        }
    }

    public SourcePosition Start => _mapping.Start;

    /// <summary>Names the mapping by its id in later messages, once the id has been read.</summary>
    public void NameAs(string what) => _what = what;

    /// <summary>The value of key, or null when the key is absent or written without a value.</summary>
    public YamlNode? Optional(string key)
    {
        var entry = Find(key);
        return entry is null || entry.Value is YamlScalar { IsNull: true } ? null : entry.Value;
    }

    /// <summary>The value of key; reports the key missing (at the mapping) or empty (at the key) otherwise.</summary>
    public YamlNode? Required(string key)
    {
        var entry = Find(key);
        if (entry is null)
        {
            _diagnostics.Error(_mapping.Start, DiagnosticCodes.MissingField, $"{_what} is missing the required key '{key}'");
            return null;
        }

        if (entry.Value is YamlScalar { IsNull: true })
        {
            _diagnostics.Error(entry.Key.Start, DiagnosticCodes.MissingField, $"'{key}' of {_what} has no value");
            return null;
        }

        return entry.Value;
    }

    private YamlEntry? Find(string key) => _mapping.Entries.FirstOrDefault(e => e.Key.Value == key);
}
