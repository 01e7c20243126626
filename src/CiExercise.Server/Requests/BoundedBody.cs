using Microsoft.AspNetCore.Http.Metadata;

namespace CiExercise.Server.Requests;

/// <summary>Reads an uploaded body into memory, never more than a limit: a longer one is refused, not truncated.</summary>
internal static class BoundedBody
{
    /// <summary>
    /// The metadata of an endpoint that reads its body through this reader: the JSON body limit does not apply
    /// to it, and its own answer (a 413 that says its limit) is the one the client gets.
    /// </summary>
    public static readonly IRequestSizeLimitMetadata OwnLimit = new ReadsItsOwnLimit();

    private sealed class ReadsItsOwnLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }

    /// <summary>The body, or null when it is longer than the limit (read no further than that).</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
