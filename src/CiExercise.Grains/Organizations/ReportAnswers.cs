using CiExercise.Contracts;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Organizations;

/// <summary>
/// Checks a report's answers against the inject's form: every answer names a field of the form once and gives the
/// one value its type takes (a choice among the options, a number within its bounds, a level 0–4, a bounded text),
/// and every required field is answered. Each refusal names the field. Answers come back in the form's order,
/// texts trimmed, blank texts dropped.
/// </summary>
internal static class ReportAnswers
{
    public static IReadOnlyList<FieldAnswer> Check(string injectId, ReportForm form, IReadOnlyList<FieldAnswer> answers)
    {
        if (answers.Count > Limits.FormFields)
            throw Rules.Invalid("report.too-many-answers", $"The report has {answers.Count} answers; at most {Limits.FormFields} are taken.");
        var kept = new Dictionary<string, FieldAnswer>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var field = form.Fields.FirstOrDefault(f => f.Id == answer.FieldId)
                        ?? throw Rules.Invalid("report.unknown-field",
                            $"The form of inject '{injectId}' has no field '{Limits.Quote(answer.FieldId)}'; its fields are {string.Join(", ", form.Fields.Select(f => f.Id))}.");
            if (!answered.Add(field.Id))
                throw Rules.Invalid("report.duplicate-answer", $"Field '{field.Id}' is answered twice; answer each field once.");
            if (Checked(field, answer) is { } checkedAnswer) kept[field.Id] = checkedAnswer;
        }

        if (form.Fields.FirstOrDefault(f => f.Required && !kept.ContainsKey(f.Id)) is { } missing)
            throw Rules.Invalid("report.answer-required", $"Field '{missing.Id}' of the form of inject '{injectId}' needs an answer.");
        return form.Fields.Where(f => kept.ContainsKey(f.Id)).Select(f => kept[f.Id]).ToArray();
    }

    /// <summary>The answer as it is kept, or null for a text left blank.</summary>
    private static FieldAnswer? Checked(FormField field, FieldAnswer answer)
    {
        var given = Given(answer);
        var expected = field.Type switch
        {
            FieldType.Text => "text",
            FieldType.Choice => "choiceId",
            FieldType.Number => "number",
            FieldType.DateTime => "at",
            FieldType.Severity => "level",
            _ => "yes",
        };
        if (given.Count != 1 || given[0] != expected)
            throw Rules.Invalid("report.wrong-type",
                $"Field '{field.Id}' is a {Kebab(field.Type)} field: answer it with '{expected}' alone{(given.Count == 0 ? "" : $", not {string.Join(" and ", given.Select(g => $"'{g}'"))}")}.");
        switch (field.Type)
        {
            case FieldType.Text:
                var max = Math.Min(field.MaxLength ?? Limits.TextLength, Limits.TextLength);
                if (answer.Text!.Length > max)
                    throw Rules.Invalid("text.too-long", $"The answer to field '{field.Id}' is {answer.Text.Length} characters long; at most {max} are kept.");
                return string.IsNullOrWhiteSpace(answer.Text) ? null : answer with { Text = answer.Text.Trim() };
            case FieldType.Choice when field.Options.All(o => o.Id != answer.ChoiceId):
                throw Rules.Invalid("report.unknown-option",
                    $"Field '{field.Id}' has no option '{Limits.Quote(answer.ChoiceId)}'; its options are {string.Join(", ", field.Options.Select(o => o.Id))}.");
            case FieldType.Number when answer.Number < field.Min || answer.Number > field.Max:
                throw Rules.Invalid("report.out-of-range",
                    $"Field '{field.Id}' takes a number from {field.Min?.ToString() ?? "any"} to {field.Max?.ToString() ?? "any"}, not {answer.Number}.");
            case FieldType.Severity when answer.Level is not (>= 0 and <= SeverityRating.MaxLevel):
                throw Rules.Invalid("report.out-of-range", $"Field '{field.Id}' takes a severity level from 0 to {SeverityRating.MaxLevel}, not {answer.Level}.");
            default:
                return answer;
        }
    }

    /// <summary>The values an answer gives, by their JSON names.</summary>
    private static List<string> Given(FieldAnswer answer)
    {
        var given = new List<string>();
        if (answer.Text is not null) given.Add("text");
        if (answer.ChoiceId is not null) given.Add("choiceId");
        if (answer.Number is not null) given.Add("number");
        if (answer.At is not null) given.Add("at");
        if (answer.Level is not null) given.Add("level");
        if (answer.Yes is not null) given.Add("yes");
        return given;
    }

    private static string Kebab(FieldType type) => type switch
    {
        FieldType.DateTime => "date-time",
        FieldType.YesNo => "yes-no",
        _ => type.ToString().ToLowerInvariant(),
    };
}
