namespace CiExercise.Contracts.Exercises;

/// <summary>
/// The answer to one field of a report form: the one value its field type takes (Text for text, ChoiceId for a
/// choice, Number, At for a date-time, Level 0–4 for severity, Yes for yes/no). Checked against the form.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.FieldAnswer")]
public sealed record FieldAnswer(
    [property: Id(0)] string FieldId,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] string? ChoiceId = null,
    [property: Id(3)] decimal? Number = null,
    [property: Id(4)] DateTimeOffset? At = null,
    [property: Id(5)] int? Level = null,
    [property: Id(6)] bool? Yes = null);
