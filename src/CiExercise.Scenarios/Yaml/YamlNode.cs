namespace CiExercise.Scenarios.Yaml;

/// <summary>
/// A node of the scenario's YAML tree, built from parser events so every value keeps its position.
/// Aliases are never expanded: the tree only ever holds what the file spells out.
/// </summary>
internal abstract record YamlNode(SourcePosition Start)
{
    public abstract string Kind { get; }
}

internal sealed record YamlScalar(SourcePosition Start, string Value, bool IsPlain) : YamlNode(Start)
{
    /// <summary>A plain empty, "~" or "null" scalar: YAML's way of writing no value.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value is "null" or "Null" or "NULL");

    public override string Kind => IsNull ? "nothing" : "a value";
}

internal sealed record YamlSequence(SourcePosition Start, IReadOnlyList<YamlNode> Items) : YamlNode(Start)
{
    public override string Kind => "a list";
}

internal sealed record YamlMapping(SourcePosition Start, IReadOnlyList<YamlEntry> Entries) : YamlNode(Start)
{
    public override string Kind => "a mapping";
}

internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>Stands where an alias or a broken node was; its error has already been reported.</summary>
internal sealed record YamlInvalid(SourcePosition Start) : YamlNode(Start)
{
    public override string Kind => "an invalid node";
}
