namespace CiExercise.Server.Requests;

/// <summary>Reads an uploaded body into memory, never more than a limit: a longer one is refused, not truncated.</summary>
internal static class BoundedBody
{
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
