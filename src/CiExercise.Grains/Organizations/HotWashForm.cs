using CiExercise.Contracts;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Organizations;

/// <summary>
/// Checks a participant's hot-wash answers against the scenario's questions: every answer names a question once,
/// a rating question gets a rating 1–5 and no text, a text question a bounded text and no rating, and every
/// required question is answered. Each refusal names the question. Answers come back trimmed, blank texts dropped.
/// </summary>
internal static class HotWashForm
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public static IReadOnlyList<HotWashAnswer> Check(IReadOnlyList<HotWashQuestion> questions, IReadOnlyList<HotWashAnswer> answers)
    {
        if (answers.Count > Limits.HotWashAnswers)
            throw Rules.Invalid("hot-wash.too-many-answers", $"The form has {answers.Count} answers; at most {Limits.HotWashAnswers} are taken.");
        var kept = new List<HotWashAnswer>();
        foreach (var answer in answers)
        {
            var question = questions.FirstOrDefault(q => q.Id == answer.QuestionId)
                           ?? throw Rules.Invalid("hot-wash.unknown-question",
                               $"The hot-wash form has no question '{Limits.Quote(answer.QuestionId)}'; its questions are {string.Join(", ", questions.Select(q => q.Id))}.");
            if (kept.Any(k => k.QuestionId == question.Id))
                throw Rules.Invalid("hot-wash.duplicate-answer", $"Question '{question.Id}' is answered twice; answer each question once.");
            if (Checked(question, answer) is { } checkedAnswer) kept.Add(checkedAnswer);
        }

        if (questions.FirstOrDefault(q => q.Required && kept.All(k => k.QuestionId != q.Id)) is { } missing)
            throw Rules.Invalid("hot-wash.answer-required", $"Question '{missing.Id}' needs an answer.");
        return kept;
    }

    /// <summary>The answer as it is kept, or null for a text question left blank.</summary>
    private static HotWashAnswer? Checked(HotWashQuestion question, HotWashAnswer answer)
    {
        if (question.Kind == HotWashQuestionKind.Rating)
        {
            if (answer.Text is not null)
                throw Rules.Invalid("hot-wash.text-on-rating", $"Question '{question.Id}' is answered with a rating, not a text.");
            if (answer.Rating is not (>= MinRating and <= MaxRating))
                throw Rules.Invalid("hot-wash.rating-out-of-range",
                    $"Question '{question.Id}' needs a rating from {MinRating} to {MaxRating}{(answer.Rating is { } r ? $", not {r}" : "")}.");
            return answer;
        }

        if (answer.Rating is not null)
            throw Rules.Invalid("hot-wash.rating-on-text", $"Question '{question.Id}' is answered with a text, not a rating.");
        if (answer.Text is { Length: > Limits.TextLength } text)
            throw Rules.Invalid("text.too-long", $"The answer to question '{question.Id}' is {text.Length} characters long; at most {Limits.TextLength} are kept.");
        return string.IsNullOrWhiteSpace(answer.Text) ? null : answer with { Text = answer.Text.Trim() };
    }
}
