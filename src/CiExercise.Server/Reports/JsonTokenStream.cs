using System.Text.Json;

namespace CiExercise.Server.Reports;

/// <summary>
/// Pulls JSON tokens from a stream through a bounded buffer, and hands a whole object or array over as its bytes
/// when asked: so that an export of millions of events is read one event at a time, never whole. A single value
/// larger than <paramref name="maxValueBytes"/> is refused rather than buffered.
/// </summary>
internal sealed class JsonTokenStream(Stream stream, int maxValueBytes)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _offset;
    private int _length;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The text of a string or property name token; the raw bytes of a number.</summary>
    public string? Text { get; private set; }

    public long? Number { get; private set; }

    /// <summary>The whole value just read (after <see cref="ReadValue"/>), as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Value { get; private set; }

    /// <summary>The next token; false at the end of the input.</summary>
    public bool Read() => Next(whole: false);

    /// <summary>The next value whole: a string, number or literal as a token, an object or array as its bytes in <see cref="Value"/>.</summary>
    public bool ReadValue() => Next(whole: true);

    private bool Next(bool whole)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_offset, _length - _offset);
            var reader = new Utf8JsonReader(span, _final, _state);
            if (reader.Read())
            {
                var type = reader.TokenType;
                if (whole && type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        Refill();
                        continue;
                    }

                    Value = span[start..(int)reader.BytesConsumed].ToArray();
                    type = reader.TokenType == JsonTokenType.EndObject ? JsonTokenType.StartObject : JsonTokenType.StartArray;
                }

                TokenType = type;
                Text = type is JsonTokenType.String or JsonTokenType.PropertyName ? reader.GetString() : null;
                Number = type == JsonTokenType.Number && reader.TryGetInt64(out var number) ? number : null;
                _offset += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }

            if (_final)
            {
                if (reader.CurrentDepth > 0)
                    throw new JsonException("The JSON ends in the middle of a value.");
                return false;
            }

            Refill();
        }
    }

    private void Refill()
    {
        var kept = _length - _offset;
        if (kept >= maxValueBytes) throw new JsonException($"A single value of the JSON is longer than {maxValueBytes} bytes.");
        if (kept == _buffer.Length) Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxValueBytes + 1));
        Array.Copy(_buffer, _offset, _buffer, 0, kept);
        _offset = 0;
        _length = kept;
        var read = stream.Read(_buffer, _length, _buffer.Length - _length);
        if (read == 0) _final = true;
        _length += read;
    }
}
