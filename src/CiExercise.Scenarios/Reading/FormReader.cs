using System.Globalization;
using CiExercise.Contracts;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// Reads "form": a report an inject asks for instead of free text. Each key of a field belongs to one field type
/// (options to choice, min / max to number, max-length to text); a key on another type is refused rather than ignored,
/// so the author learns the console will not show it.
/// </summary>
internal static class FormReader
{
    private static readonly string[] Keys = ["title", "fields"];
    private static readonly string[] FieldKeys = ["id", "label", "type", "required", "options", "min", "max", "max-length", "help"];

    public static ReportForm? Read(ValueReader values, YamlNode? node, string what)
    {
        var map = values.Mapping(node, $"form of {what}", Keys);
        if (map is null)
        {
            return null;
        }

        map.NameAs($"form of {what}");
        var title = values.Text(map.Required("title"), $"title of the form of {what}");
        var fieldsNode = map.Required("fields");
        var fields = values.List(fieldsNode, $"fields of the form of {what}", n => ReadField(values, n, what), ScenarioLimits.MaxFormFields);
        Uniqueness.Check(values.Diagnostics, fields.Select(f => f.Id), $"field id in the form of {what}");
        if (fieldsNode is YamlSequence { Items.Count: 0 })
        {
            values.Diagnostics.Error(fieldsNode.Start, DiagnosticCodes.MissingField, $"the form of {what} has no field");
        }

        return new ReportForm(title ?? LocalizedText.Empty, fields.Select(f => f.Field).ToArray());
    }

    private static FieldDraft? ReadField(ValueReader values, YamlNode node, string what)
    {
        var map = values.Mapping(node, $"a field of the form of {what}", FieldKeys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), "field id");
        var field = $"field '{id?.Id}' of the form of {what}";
        map.NameAs(field);
        var label = values.Text(map.Required("label"), $"label of {field}");
        var type = values.Enum<FieldType>(map.Required("type"), $"type of {field}", "field type", DiagnosticCodes.InvalidValue);
        var required = values.Bool(map.Optional("required"), $"required of {field}") ?? false;
        var help = values.Text(map.Optional("help"), $"help of {field}");

        var optionsNode = OnlyFor(values, map, "options", FieldType.Choice, type, field);
        var options = ChoiceReader.ReadOptions(values, optionsNode, field);
        if (type == FieldType.Choice && optionsNode is null or YamlSequence { Items.Count: 0 })
        {
            values.Diagnostics.Error(map.Start, DiagnosticCodes.InvalidField, $"{field} is a choice; give it two or more options");
        }

        var minNode = OnlyFor(values, map, "min", FieldType.Number, type, field);
        var maxNode = OnlyFor(values, map, "max", FieldType.Number, type, field);
        var min = values.Number(minNode, $"min of {field}");
        var max = values.Number(maxNode, $"max of {field}");
        if (min > max)
        {
            values.Diagnostics.Error(maxNode!.Start, DiagnosticCodes.InvalidField, $"max {max.Value.ToString(CultureInfo.InvariantCulture)} of {field} is below its min {min.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        var maxLength = values.Integer(OnlyFor(values, map, "max-length", FieldType.Text, type, field), $"max-length of {field}", 1, Limits.TextLength);
        if (id is null || type is null)
        {
            return null;
        }

        var value = new FormField(id.Id, label ?? LocalizedText.Empty, type.Value, required)
        {
            Options = options.Select(o => o.Value).ToArray(),
            Min = min,
            Max = max,
            MaxLength = maxLength,
            Help = help,
        };
        return new FieldDraft(value, id);
    }

    /// <summary>The key's value when the field is of the type the key belongs to; reported (and left out) otherwise.</summary>
    private static YamlNode? OnlyFor(ValueReader values, MappingReader map, string key, FieldType owner, FieldType? type, string field)
    {
        var node = map.Optional(key);
        if (node is null || type is null || type == owner)
        {
            return node;
        }

        values.Diagnostics.Error(node.Start, DiagnosticCodes.InvalidField,
            $"'{key}' belongs to {KebabNames<FieldType>.NameOf(owner)} fields; {field} is of type {KebabNames<FieldType>.NameOf(type.Value)}");
        return null;
    }

    private sealed record FieldDraft(FormField Field, IdRef Id);
}
