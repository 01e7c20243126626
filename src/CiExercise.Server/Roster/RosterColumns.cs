using CiExercise.Spreadsheets;

namespace CiExercise.Server.Roster;

/// <summary>The columns a roster is read from, found by their header in English or Japanese; other columns are ignored.</summary>
public sealed record RosterColumns(int Name, int Organization, int Role, int? Email, IReadOnlyList<string> Headers)
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["fullname"] = "name", ["氏名"] = "name", ["名前"] = "name",
        ["organization"] = "organization", ["organisation"] = "organization", ["org"] = "organization", ["organizationid"] = "organization",
        ["組織"] = "organization", ["組織名"] = "organization", ["組織id"] = "organization",
        ["role"] = "role", ["役割"] = "role",
        ["email"] = "email", ["mail"] = "email", ["emailaddress"] = "email", ["メール"] = "email", ["メールアドレス"] = "email",
        ["電子メール"] = "email",
    };

    public string Header(int column) => column < Headers.Count && Headers[column].Length > 0 ? Headers[column] : RosterError.ColumnLetter(column);

    /// <summary>The columns named by the header row, or what is wrong with it.</summary>
    public static (RosterColumns? Columns, RosterError? Error) From(RosterLine header)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (!Aliases.TryGetValue(Key(header.Cells[i]), out var field)) continue;
            if (found.TryGetValue(field, out var first))
                return (null, new RosterError(header.Row, header.Cells[i],
                    $"this column and column '{header.Cells[first]}' both give the {field}; keep one of them"));
            found[field] = i;
        }

        var missing = new[] { "name", "organization", "role" }.Where(f => !found.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            var separator = header.Cells.Count == 1 && header.Cells[0].IndexOfAny([';', '\t']) >= 0
                ? " The columns seem to be separated by ';' or tabs: separate them with commas." : "";
            return (null, new RosterError(header.Row, null,
                $"the header row needs the columns name, organization and role (email is optional; 氏名, 組織, 役割, メール also work); " +
                $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing.{separator}"));
        }

        return (new RosterColumns(found["name"], found["organization"], found["role"], found.TryGetValue("email", out var e) ? e : null,
            header.Cells), null);
    }

    /// <summary>Headers and names compared loosely: full-width as half-width, case, spaces, '-' and '_' ignored.</summary>
    public static string Key(string text) => ColumnNames.Key(text);
}
