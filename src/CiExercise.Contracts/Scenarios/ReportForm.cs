namespace CiExercise.Contracts.Scenarios;

/// <summary>The kind of a report form's field. Kebab case in files ("date-time", "yes-no").</summary>
public enum FieldType
{
    Text,
    Choice,
    Number,
    DateTime,

    /// <summary>A level on the national 0–4 severity scale.</summary>
    Severity,
    YesNo,
}

/// <summary>A structured report an inject asks for instead of free text (the national incident-report templates).</summary>
[GenerateSerializer, Immutable, Alias("ciex.ReportForm")]
public sealed record ReportForm([property: Id(0)] LocalizedText Title, [property: Id(1)] IReadOnlyList<FormField> Fields);

/// <summary>
/// One field of a report form. Options are the answers of a choice field; Min and Max bound a number;
/// MaxLength bounds a text (the engine's own bound applies when null).
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.FormField")]
public sealed record FormField(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Label,
    [property: Id(2)] FieldType Type,
    [property: Id(3)] bool Required)
{
    [Id(4)] public IReadOnlyList<Choice> Options { get; init; } = [];

    [Id(5)] public decimal? Min { get; init; }

    [Id(6)] public decimal? Max { get; init; }

    [Id(7)] public int? MaxLength { get; init; }

    [Id(8)] public LocalizedText? Help { get; init; }
}
