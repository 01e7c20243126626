using System.Globalization;
using System.Text.RegularExpressions;
using CiExercise.Contracts;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// Reads typed values from nodes, reporting a wrong type or an invalid value at the node. Every method
/// returns null after reporting, so callers carry on and the file's other errors are found too.
/// </summary>
internal sealed partial class ValueReader(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public MappingReader? Mapping(YamlNode? node, string what, IReadOnlyList<string> keys)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlMapping mapping)
        {
            return new MappingReader(mapping, what, keys, Diagnostics);
        }

        WrongType(node, $"{what} must be a mapping of keys ({string.Join(", ", keys.Take(3))}, ...)");
        return null;
    }

    public YamlScalar? Scalar(YamlNode? node, string what)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar scalar:
                return scalar;
            default:
                WrongType(node, $"{what} must be a single value, not {node.Kind}");
                return null;
        }
    }

    public string? String(YamlNode? node, string what) => Scalar(node, what)?.Value.Trim();

    public IdRef? Id(YamlNode? node, string what)
    {
        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (!IdPattern().IsMatch(scalar.Value))
        {
            Diagnostics.Error(scalar.Start, DiagnosticCodes.InvalidValue,
                $"{what} '{scalar.Value}' is not a valid id; use letters, digits, '-', '_' or '.', at most 64, starting with a letter or digit");
            return null;
        }

        return new IdRef(scalar.Value, scalar.Start);
    }

    public bool? Bool(YamlNode? node, string what)
    {
        var scalar = Scalar(node, what);
        switch (scalar?.Value)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                WrongType(scalar, $"{what} must be true or false, not '{scalar.Value}'");
                return null;
        }
    }

    /// <summary>Text people read: a plain string (the same in both languages) or a mapping { ja, en }.</summary>
    public LocalizedText? Text(YamlNode? node, string what)
    {
        if (node is YamlScalar scalar)
        {
            return NonEmpty(scalar, what) is { } same ? new LocalizedText(same, same) : null;
        }

        var map = Mapping(node, what, ["ja", "en"]);
        if (map is null)
        {
            return null;
        }

        var ja = Scalar(map.Optional("ja"), $"'ja' of {what}");
        var en = Scalar(map.Optional("en"), $"'en' of {what}");
        if (ja is null && en is null)
        {
            Diagnostics.Error(map.Start, DiagnosticCodes.MissingField, $"{what} needs 'ja', 'en' or both");
            return null;
        }

        return new LocalizedText(ja is null ? null : NonEmpty(ja, what), en is null ? null : NonEmpty(en, what));
    }

    /// <param name="max">More items than this are reported (CIEX072) and only the first max are read.</param>
    public IReadOnlyList<T> List<T>(YamlNode? node, string what, Func<YamlNode, T?> item, int max = int.MaxValue) where T : class
    {
        switch (node)
        {
            case null:
                return [];
            case YamlSequence sequence:
                if (sequence.Items.Count > max)
                {
                    Diagnostics.Error(sequence.Start, DiagnosticCodes.TooMany, $"{what} has {sequence.Items.Count} items; at most {max} are allowed");
                }

                return sequence.Items.Take(max).Select(item).OfType<T>().ToArray();
            default:
                WrongType(node, $"{what} must be a list (\"- item\" lines or [a, b]), not {node.Kind}");
                return [];
        }
    }

    /// <summary>An enum value as files spell it (kebab case); an unknown one is reported under code with the names allowed.</summary>
    /// <param name="what">The value's place, for a wrong type ("sector of organization 'bank'").</param>
    /// <param name="label">What the value is, for an unknown one ("sector", "channel").</param>
    public TEnum? Enum<TEnum>(YamlNode? node, string what, string label, string code) where TEnum : struct, Enum
    {
        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (KebabNames<TEnum>.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        Diagnostics.Error(scalar.Start, code, $"unknown {label} '{scalar.Value}'; expected one of: {string.Join(", ", KebabNames<TEnum>.Names)}");
        return null;
    }

    /// <param name="allowZero">Delays and tolerances may be 00:00 (at once); windows and durations may not.</param>
    public TimeSpan? Duration(YamlNode? node, string what, bool allowZero = false)
    {
        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (TimeSyntax.TryParseDuration(scalar.Value, out var duration) && (duration > TimeSpan.Zero || allowZero))
        {
            return duration;
        }

        Diagnostics.Error(scalar.Start, DiagnosticCodes.BadTimeFormat,
            $"{what} '{scalar.Value}' is not a duration; write HH:MM, HH:MM:SS or NdHH:MM (for example 04:00 or 00:30)"
            + (allowZero ? "" : ", greater than zero"));
        return null;
    }

    /// <summary>A decimal number written with digits, an optional sign and point ("100", "-2.5"); no exponent, no separators.</summary>
    public decimal? Number(YamlNode? node, string what)
    {
        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (decimal.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Diagnostics.Error(scalar.Start, DiagnosticCodes.InvalidValue, $"{what} '{Limits.Quote(scalar.Value)}' is not a number; write digits such as 100 or 0.5");
        return null;
    }

    /// <summary>A whole number from min to max; out of range or not a number is reported under code.</summary>
    public int? Integer(YamlNode? node, string what, int min, int max, string code = DiagnosticCodes.InvalidValue)
    {
        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Diagnostics.Error(scalar.Start, code, $"{what} is '{Limits.Quote(scalar.Value)}'; write a whole number from {min} to {max}");
        return null;
    }

    public TimeSpan? Offset(YamlNode? node, string what)
    {
        var scalar = Scalar(node, what);
        if (scalar is null)
        {
            return null;
        }

        if (TimeSyntax.TryParseOffset(scalar.Value, out var offset))
        {
            return offset;
        }

        Diagnostics.Error(scalar.Start, DiagnosticCodes.BadTimeFormat,
            $"{what} '{scalar.Value}' is not an offset; write +HH:MM, +HH:MM:SS or +NdHH:MM (for example +01:30)");
        return null;
    }

    public void WrongType(YamlNode node, string message)
    {
        if (node is not YamlInvalid)
        {
            Diagnostics.Error(node.Start, DiagnosticCodes.WrongType, message);
        }
    }

    private string? NonEmpty(YamlScalar scalar, string what)
    {
        var text = scalar.Value.Trim();
        if (text.Length == 0 || scalar.IsNull)
        {
            Diagnostics.Error(scalar.Start, DiagnosticCodes.MissingField, $"{what} is empty");
            return null;
        }

        return text;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
