using CiExercise.Spreadsheets;

namespace CiExercise.Scenarios.Sheets;

/// <summary>How a cell becomes a value of the scenario syntax.</summary>
internal enum CellKind
{
    /// <summary>One value as written (an id, a sector, a time zone).</summary>
    Plain,

    /// <summary>true or false; Excel's TRUE and FALSE too.</summary>
    Flag,

    /// <summary>One language of a text the file writes { ja, en }: the column key ends in -ja or -en.</summary>
    Text,

    /// <summary>An offset from the scenario start: +01:30, also 01:30 or an Excel time.</summary>
    Offset,

    /// <summary>A duration: 00:30, also an Excel time.</summary>
    Duration,

    /// <summary>Ids separated by commas (or 、).</summary>
    Ids,

    /// <summary>YAML flow text of the scenario syntax ({organizations: [bank]}, [{id: a, text: A}, ...]).</summary>
    Flow,
}

/// <summary>
/// One column of a sheet (or one row of a key/value sheet): its key (the YAML key, with -ja / -en for a text's
/// language), how its cells read, and its header in Japanese and English. Required columns must be present
/// (for a text, one of its two languages).
/// </summary>
internal sealed record SheetColumn(string Key, CellKind Kind, string Ja, string En, bool Required = false)
{
    /// <summary>Other headers that name the column: a text's label without its language names the column of that language.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The key in the scenario file: "title" for both "title-ja" and "title-en".</summary>
    public string YamlKey => Kind == CellKind.Text ? Key[..^3] : Key;

    /// <summary>"ja" or "en" for a text column.</summary>
    public string? Language => Kind == CellKind.Text ? Key[^2..] : null;

    /// <summary>The header an exported sheet carries: both languages, so that either reader knows the column.</summary>
    public string Header => Ja == En ? En : $"{Ja} / {En}";

    /// <summary>Whether a header (compared loosely) names this column.</summary>
    public bool IsNamedBy(string headerKey) =>
        new[] { Key, Ja, En, Header }.Concat(Aliases).Any(name => ColumnNames.Key(name) == headerKey);

    public static SheetColumn Of(string key, CellKind kind, string ja, string en, bool required = false) => new(key, kind, ja, en, required);

    /// <summary>The two columns of a text: key-ja and key-en.</summary>
    public static SheetColumn[] TextPair(string key, string ja, string en, bool required = false) =>
    [
        new($"{key}-ja", CellKind.Text, $"{ja}（日本語）", $"{en} (ja)", required) { Aliases = [ja] },
        new($"{key}-en", CellKind.Text, $"{ja}（英語）", $"{en} (en)", required) { Aliases = [en] },
    ];
}
