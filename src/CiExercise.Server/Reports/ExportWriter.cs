using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Reports;

/// <summary>
/// Writes an exercise's export page by page from the log: never the whole log in memory. The record is taken as of
/// the last seq when the export began, so a running exercise gives a consistent file (later events are left out).
/// </summary>
internal static class ExportWriter
{
    private const int PageSize = 1000;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(ExerciseRecord record, IEventLog log, Stream body, CancellationToken cancellationToken)
    {
        var lastSeq = await log.ReadLastSeqAsync(record.Id, cancellationToken);
        // JSON goes to a buffer that is sent after each page: the serializer flushes its writer synchronously,
        // which a response body refuses.
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("format", ExportFormat.Format);
        writer.WriteNumber("version", ExportFormat.Version);
        writer.WriteString("marking", ExportFormat.Marking);
        writer.WritePropertyName("exercise");
        JsonSerializer.Serialize(writer, new ExportedExercise(record.Id, record.Name, record.ScenarioId, record.CreatedAt), ScenarioJson.Options);
        writer.WritePropertyName("scenario");
        writer.WriteRawValue(record.ScenarioJson, skipInputValidation: false);
        writer.WriteStartArray("events");
        for (var after = 0L; after < lastSeq;)
        {
            var page = await log.ReadAsync(record.Id, after, (int)Math.Min(PageSize, lastSeq - after), cancellationToken);
            if (page.Count == 0) break;
            foreach (var e in page) JsonSerializer.Serialize(writer, e, ScenarioJson.Options);
            after = page[^1].Seq;
            await SendAsync(writer, buffer, body, cancellationToken);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await SendAsync(writer, buffer, body, cancellationToken);
    }

    private static async Task SendAsync(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, Stream body, CancellationToken cancellationToken)
    {
        writer.Flush();
        await body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }
}
