using CiExercise.Server.Roster;

namespace CiExercise.Server.Tests.Roster;

/// <summary>Reading roster files (CSV and .xlsx) into rows, and refusing what cannot or must not be read.</summary>
public sealed class RosterReaderTests
{
    [Fact]
    public void Csv_follows_rfc_4180_and_numbers_rows_as_a_spreadsheet_does()
    {
        var text = "name,organization,role\r\n\"Sato, Hanako\",bank,staff\r\n\r\n\"Line\nbreak\",power,\"say \"\"hi\"\"\"\r\n,,\r\n  Suzuki  ,water,manager";

        var sheet = RosterFile.Read(RosterFiles.Csv(text, bom: true));

        Assert.Null(sheet.FileError);
        Assert.Equal(("csv", "utf-8"), (sheet.Format, sheet.Encoding));
        Assert.Equal([1, 2, 4, 6], sheet.Lines.Select(l => l.Row));
        Assert.Equal(["Sato, Hanako", "bank", "staff"], sheet.Lines[1].Cells);
        Assert.Equal(["Line\nbreak", "power", "say \"hi\""], sheet.Lines[2].Cells);
        Assert.Equal(["Suzuki", "water", "manager"], sheet.Lines[3].Cells);
    }

    [Fact]
    public void Csv_without_a_bom_and_csv_in_shift_jis_read_alike()
    {
        const string text = "氏名,組織,役割\n佐藤 花子,東都銀行,staff\n";

        var utf8 = RosterFile.Read(RosterFiles.Csv(text));
        var shiftJis = RosterFile.Read(RosterFiles.ShiftJis(text));

        Assert.Equal("utf-8", utf8.Encoding);
        Assert.Equal("shift_jis", shiftJis.Encoding);
        Assert.Equal(utf8.Lines, shiftJis.Lines, (a, b) => a.Row == b.Row && a.Cells.SequenceEqual(b.Cells));
        Assert.Equal("佐藤 花子", shiftJis.Lines[1].Cells[0]);
    }

    [Theory]
    [InlineData("name,organization\n\"open,bank\n", 2, "A", "never closed")]
    [InlineData("name,organization\nx,\"bank\"power\n", 2, "B", "follows a quoted cell")]
    public void A_broken_csv_is_refused_at_its_row_and_column(string text, int row, string column, string message)
    {
        var error = RosterFile.Read(RosterFiles.Csv(text)).FileError;

        Assert.NotNull(error);
        Assert.Equal((row, column), (error.Row, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_in_neither_encoding_and_binary_files_say_what_is_wrong()
    {
        Assert.Contains("neither UTF-8 nor Shift_JIS", RosterFile.Read([0x6E, 0x81, 0x20, 0x81, 0x0A]).FileError!.Message, StringComparison.Ordinal);
        Assert.Contains("not text", RosterFile.Read([0x6E, 0x00, 0x61]).FileError!.Message, StringComparison.Ordinal);
        Assert.Contains("97-2003", RosterFile.Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]).FileError!.Message, StringComparison.Ordinal);
        Assert.Contains("empty", RosterFile.Read([]).FileError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_people_than_the_limit_are_refused_while_reading()
    {
        var text = "name,organization,role\n" + string.Concat(Enumerable.Repeat("a,bank,staff\n", RosterLimits.MaxRows + 1));

        var sheet = RosterFile.Read(RosterFiles.Csv(text));

        Assert.Equal(RosterLimits.MaxRows + 2, sheet.FileError!.Row);
        Assert.Contains("more than 20,000 people", sheet.FileError.Message, StringComparison.Ordinal);
        Assert.Null(RosterFile.Read(RosterFiles.Csv(text[..text.LastIndexOf("a,bank", StringComparison.Ordinal)])).FileError);
    }

    [Fact]
    public void Xlsx_reads_shared_inline_and_number_cells_in_their_columns_without_furigana()
    {
        var bytes = RosterFiles.Xlsx(
            ["氏名", "組織", "役割", "メール"],
            [RosterFiles.WithFurigana("佐藤 花子", "サトウ ハナコ"), "bank", "#staff", "sato@example.jp"],
            [],
            ["Suzuki", null, "manager", null, "extra"],
            [" Tanaka ", 42.0, "staff"]);

        var sheet = RosterFile.Read(bytes);

        Assert.Null(sheet.FileError);
        Assert.Equal("xlsx", sheet.Format);
        Assert.Equal([1, 2, 4, 5], sheet.Lines.Select(l => l.Row));
        Assert.Equal(["佐藤 花子", "bank", "staff", "sato@example.jp"], sheet.Lines[1].Cells);
        Assert.Equal(["Suzuki", "", "manager", "", "extra"], sheet.Lines[2].Cells);
        Assert.Equal(["Tanaka", "42", "staff"], sheet.Lines[3].Cells);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_the_workbook_is_parsed()
    {
        var bomb = RosterFiles.ZipBomb(RosterLimits.MaxUnpackedBytes + (1 << 20));
        Assert.True(bomb.Length < RosterLimits.MaxFileBytes, $"the bomb is {bomb.Length} bytes");

        var error = RosterFile.Read(bomb).FileError;

        Assert.NotNull(error);
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_whose_headers_understate_its_sizes_is_refused_too()
    {
        var forged = RosterFiles.UnderstateSizes(RosterFiles.ZipBomb(RosterLimits.MaxUnpackedBytes + (1 << 20)), declared: 1000);

        var sheet = RosterFile.Read(forged);

        Assert.NotNull(sheet.FileError);
        Assert.Empty(sheet.Lines);
    }

    [Fact]
    public void A_file_that_looks_like_a_zip_but_is_not_one_is_refused()
    {
        var error = RosterFile.Read([.. "PK\x03\x04"u8, .. new byte[100]]).FileError;

        Assert.NotNull(error);
        Assert.Contains(".xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        var error = RosterFile.Read(RosterFiles.ZipBomb(1024)).FileError;

        Assert.NotNull(error);
        Assert.Contains("not an Excel workbook", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_letters_are_excels(int index, string letters) => Assert.Equal(letters, RosterError.ColumnLetter(index));
}
