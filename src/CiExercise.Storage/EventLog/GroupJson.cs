using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CiExercise.Storage.EventLog;

/// <summary>
/// The JSON parameters of event_find_dedupe_many.sql (both dialects) and SQL Server's event_insert_many.sql:
/// a whole group as one parameter, so the statement count stays the same for 1 row or 10,000 and no
/// dialect's parameter limit is reached.
/// </summary>
internal static class GroupJson
{
    // Only what JSON requires is escaped, so Japanese text and payloads stay compact.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Keys(IEnumerable<string> keys) => Write(writer =>
    {
        foreach (var key in keys)
        {
            writer.WriteStringValue(key);
        }
    });

    /// <summary>One array per row, in the column order event_insert_many.sql reads.</summary>
    public static string Rows(IEnumerable<EventParameters> rows) => Write(writer =>
    {
        foreach (var row in rows)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(row.Seq);
            writer.WriteStringValue(row.Kind);
            switch (row.WallTime)
            {
                case long ticks: writer.WriteNumberValue(ticks); break;
                case DateTimeOffset time: writer.WriteStringValue(time); break;
                default: throw new InvalidOperationException($"A wall time stored as {row.WallTime.GetType().Name} cannot be written.");
            }

            writer.WriteNumberValue(row.ScenarioTicks);
            writer.WriteStringValue(row.OrgId);
            writer.WriteStringValue(row.ActorId);
            writer.WriteStringValue(row.ActorRole);
            writer.WriteStringValue(row.ActorOrg);
            writer.WriteStringValue(row.InjectId);
            if (row.RefSeq is { } refSeq) writer.WriteNumberValue(refSeq);
            else writer.WriteNullValue();
            writer.WriteStringValue(row.Payload);
            writer.WriteStringValue(row.DedupeKey);
            writer.WriteEndArray();
        }
    });

    private static string Write(Action<Utf8JsonWriter> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            items(writer);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
