namespace CiExercise.Contracts.Scenarios;

/// <summary>One question of the hot-wash form participants get when the exercise ends.</summary>
[GenerateSerializer, Immutable, Alias("ciex.HotWashQuestion")]
public sealed record HotWashQuestion(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Text,
    [property: Id(2)] HotWashQuestionKind Kind,
    [property: Id(3)] bool Required)
{
    /// <summary>The form when the scenario defines none.</summary>
    public static IReadOnlyList<HotWashQuestion> Defaults { get; } =
    [
        new("realism", new("シナリオは現実的でしたか。", "How realistic was the scenario?"), HotWashQuestionKind.Rating, true),
        new("preparedness", new("自組織の準備はできていましたか。", "How prepared was your organization?"), HotWashQuestionKind.Rating, true),
        new("sharing", new("他組織との情報共有は円滑でしたか。", "How well did information sharing with other organizations work?"),
            HotWashQuestionKind.Rating, true),
        new("went-well", new("うまくいったことは何ですか。", "What went well?"), HotWashQuestionKind.Text, false),
        new("improve", new("改善すべきことは何ですか。", "What should be improved?"), HotWashQuestionKind.Text, false),
    ];
}

/// <summary>Rating: 1 (poor) to 5 (excellent). Text: free text.</summary>
public enum HotWashQuestionKind
{
    Rating,
    Text,
}
