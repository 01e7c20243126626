using CiExercise.Contracts;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Problems;

namespace CiExercise.Server.Requests;

/// <summary>
/// The bound checks of <see cref="Limits"/>, one per kind of field. Each names the field and the limit and
/// never quotes the value: an answer to a hostile request stays as small as a polite one.
/// </summary>
internal static class Bounds
{
    public static FieldErrors Id(this FieldErrors errors, string field, string? value) => errors.Length(field, value, Limits.IdLength);

    public static FieldErrors Length(this FieldErrors errors, string field, string? value, int max) =>
        value is { Length: var length } && length > max
            ? errors.Add(field, $"'{field}' is {length} characters long; at most {max} are allowed.")
            : errors;

    /// <summary>Both languages of a text people read; the two languages are the only ones a text has.</summary>
    public static FieldErrors Localized(this FieldErrors errors, string field, LocalizedText? text, int max) =>
        errors.Length($"{field}.ja", text?.Ja, max).Length($"{field}.en", text?.En, max);

    public static FieldErrors Count<T>(this FieldErrors errors, string field, IReadOnlyCollection<T>? list, int max) =>
        list is { Count: var count } && count > max
            ? errors.Add(field, $"'{field}' has {count} entries; at most {max} are allowed.")
            : errors;

    /// <summary>A list of ids or names: how many, then each one (the first bad entry is named by its index).</summary>
    public static FieldErrors Each(this FieldErrors errors, string field, IReadOnlyList<string?>? values, int max, int length = Limits.IdLength)
    {
        if (values is null || errors.Count(field, values, max).Has(field)) return errors;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value) return errors.Add($"{field}[{i}]", $"'{field}[{i}]' is null; give a value.");
            if (value.Length > length) return errors.Length($"{field}[{i}]", value, length);
        }
        return errors;
    }

    /// <summary>A duration that is more than zero and at most the limit, so that no later sum can overflow.</summary>
    public static FieldErrors Duration(this FieldErrors errors, string field, TimeSpan? value, TimeSpan max) =>
        value is { } duration && (duration <= TimeSpan.Zero || duration > max)
            ? errors.Add(field, $"'{field}' is more than zero and at most {max:c} (got {duration:c}).")
            : errors;
}
