using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Cli.Rehearsal.Participants;

/// <summary>A simulated participant's report: every field of the form answered with a value of its type, inside its bounds.</summary>
public static class ReportFormAnswers
{
    public static IReadOnlyList<FieldAnswer> Draw(ReportForm form, DateTimeOffset storyNow, Random random) =>
        form.Fields.Select(field => Answer(field, storyNow, random)).ToArray();

    private static FieldAnswer Answer(FormField field, DateTimeOffset storyNow, Random random) => field.Type switch
    {
        FieldType.Choice => new FieldAnswer(field.Id, ChoiceId: field.Options[random.Next(field.Options.Count)].Id),
        FieldType.Number => new FieldAnswer(field.Id, Number: Number(field, random)),
        FieldType.DateTime => new FieldAnswer(field.Id, At: storyNow),
        FieldType.Severity => new FieldAnswer(field.Id, Level: random.Next(SeverityRating.MaxLevel + 1)),
        FieldType.YesNo => new FieldAnswer(field.Id, Yes: random.Next(2) == 0),
        _ => new FieldAnswer(field.Id, Text: Text(field)),
    };

    /// <summary>A whole number between the field's bounds (0 to 1,000 where it sets none).</summary>
    private static decimal Number(FormField field, Random random)
    {
        var min = Math.Ceiling(field.Min ?? 0);
        var max = Math.Floor(field.Max ?? Math.Max(min, 1000));
        if (max < min) return field.Min ?? field.Max ?? 0;
        return min + Math.Floor((max - min) * random.Next(101) / 100);
    }

    private static string Text(FormField field)
    {
        var text = $"Rehearsal: {field.Id}";
        return field.MaxLength is { } most && text.Length > most ? text[..most] : text;
    }
}
