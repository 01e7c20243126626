using System.Text;

namespace CiExercise.Scenarios;

/// <summary>
/// Turns file bytes into text, refusing what is not a scenario before any YAML is parsed:
/// too large, not UTF-8, or holding control characters that only binary files contain.
/// </summary>
internal static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Decode(ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.Length > ScenarioLimits.MaxFileBytes)
        {
            diagnostics.Error(SourcePosition.FileStart, DiagnosticCodes.FileTooLarge,
                $"file is {bytes.Length} bytes; a scenario file may hold at most {ScenarioLimits.MaxFileBytes} bytes");
            return null;
        }

        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var at = PositionOf(bytes, FirstInvalidUtf8(bytes));
            diagnostics.Error(at, DiagnosticCodes.NotText, "file is not UTF-8 text (binary or another encoding)");
            return null;
        }

        return CheckText(text, diagnostics) ? text : null;
    }

    /// <summary>Checks text that arrived as a string (an upload, a test): size and control characters.</summary>
    public static bool CheckText(string text, DiagnosticBag diagnostics)
    {
        // A char is at least one UTF-8 byte, so the cheap length test rejects most oversized input unread.
        if (text.Length > ScenarioLimits.MaxFileBytes || Encoding.UTF8.GetByteCount(text) > ScenarioLimits.MaxFileBytes)
        {
            diagnostics.Error(SourcePosition.FileStart, DiagnosticCodes.FileTooLarge,
                $"text is larger than {ScenarioLimits.MaxFileBytes} bytes, the most a scenario file may hold");
            return false;
        }

        var bad = text.AsSpan().IndexOfAnyInRange('\0', '\b');
        if (bad >= 0)
        {
            diagnostics.Error(PositionOf(text, bad), DiagnosticCodes.NotText,
                $"file holds the control character U+{(int)text[bad]:X4}; it looks binary, not like a YAML scenario");
            return false;
        }

        return true;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return bytes.Length;
    }

    private static SourcePosition PositionOf(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..index];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return new SourcePosition(line, column);
    }

    private static SourcePosition PositionOf(string text, int index)
    {
        var before = text.AsSpan(0, index);
        var line = before.Count('\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return new SourcePosition(line, column);
    }
}
