using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace CiExercise.Browser.Tests.Infrastructure;

/// <summary>
/// Stands between a console and the hub as Playwright's WebSocket route, reading the SignalR JSON frames. On
/// the first connection it forwards the replay's first events, then holds back the rest of the replay (and its
/// Replayed marks and CaughtUp) while it still forwards live events, so that these overtake replayed ones; the
/// test then cuts that connection. Later connections pass through, and the seq their Subscribe resumes after is noted.
/// </summary>
public sealed class ReplayCut(long lastSeededSeq, int replayedBeforeHold)
{
    private const char RecordSeparator = '\u001e';
    private int _connections;
    private int _replayed;
    private IWebSocketRoute? _page;
    private IWebSocketRoute? _server;

    /// <summary>The seq of the last replayed event forwarded before the hold.</summary>
    public TaskCompletionSource<long> Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The seq of the first live event (above the seeded log) forwarded on the first connection.</summary>
    public TaskCompletionSource<long> LiveForwarded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The afterSeq of the first Subscribe on a later connection.</summary>
    public TaskCompletionSource<long> Resubscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Route(IWebSocketRoute page)
    {
        var server = page.ConnectToServer();
        if (Interlocked.Increment(ref _connections) == 1)
        {
            (_page, _server) = (page, server);
            server.OnMessage(frame => Filter(page, frame.Text));
            return;
        }

        page.OnMessage(frame =>
        {
            foreach (var record in Records(frame.Text))
            {
                if (Invocation(record, "Subscribe") is { } args) Resubscribed.TrySetResult(args[1].GetInt64());
            }
            if (frame.Text is { } text) server.Send(text); else if (frame.Binary is { } bytes) server.Send(bytes);
        });
    }

    /// <summary>Cuts the first connection on both sides, as a dropped network would.</summary>
    public async Task CutAsync()
    {
        await _page!.CloseAsync(new WebSocketRouteCloseOptions { Code = 1011, Reason = "cut by the test" });
        await _server!.CloseAsync();
    }

    private void Filter(IWebSocketRoute page, string? text)
    {
        var forward = new StringBuilder();
        long? live = null;
        foreach (var record in Records(text))
        {
            var seq = Invocation(record, "Event") is { } args ? args[0].GetProperty("seq").GetInt64() : (long?)null;
            if (seq > lastSeededSeq) live ??= seq;
            else if (_replayed >= replayedBeforeHold) continue;
            else if (seq is not null && ++_replayed == replayedBeforeHold) Holding.TrySetResult(seq.Value);
            forward.Append(record).Append(RecordSeparator);
        }

        if (forward.Length > 0) page.Send(forward.ToString());
        if (live is { } sent) LiveForwarded.TrySetResult(sent);
    }

    private static string[] Records(string? text) => (text ?? "").Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The arguments of a hub invocation (type 1) of target, or null for any other record.</summary>
    private static JsonElement[]? Invocation(string record, string target)
    {
        using var json = JsonDocument.Parse(record);
        var root = json.RootElement;
        return root.TryGetProperty("type", out var type) && type.GetInt32() == 1
            && root.TryGetProperty("target", out var name) && name.GetString() == target
            ? [.. root.GetProperty("arguments").EnumerateArray().Select(a => a.Clone())]
            : null;
    }
}
