using System.Globalization;
using System.Text;

namespace CiExercise.Spreadsheets;

public static class ColumnNames
{
    /// <summary>Excel's letter for a zero-based column index (0 is A, 26 is AA).</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + ((n - 1) % 26)) + letters;
        return letters;
    }

    /// <summary>The zero-based column of a cell reference such as "AB12".</summary>
    public static int IndexOf(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) index = Math.Min(index * 26 + (char.ToUpperInvariant(c) - 'A' + 1), 1 << 20);
        return index - 1;
    }

    /// <summary>Headers and names compared loosely: full-width as half-width, case, spaces, '-' and '_' ignored.</summary>
    public static string Key(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c) && c is not ('-' or '_')) builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        return builder.ToString();
    }
}
