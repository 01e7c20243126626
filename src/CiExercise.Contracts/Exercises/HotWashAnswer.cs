namespace CiExercise.Contracts.Exercises;

/// <summary>One answer of the hot-wash form: a rating 1–5 or a text, by the question's kind.</summary>
[GenerateSerializer, Immutable, Alias("ciex.HotWashAnswer")]
public sealed record HotWashAnswer(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] int? Rating,
    [property: Id(2)] string? Text);
