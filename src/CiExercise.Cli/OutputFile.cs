namespace CiExercise.Cli;

/// <summary>
/// Writes a file beside its destination and moves it there only when complete, so that a failed or cancelled write
/// never leaves half a file (or spoils the one that was there).
/// </summary>
public static class OutputFile
{
    /// <returns>Null when written; the reason otherwise (nothing is left behind).</returns>
    public static async Task<string?> WriteAsync(string path, Func<Stream, Task> write)
    {
        var full = Path.GetFullPath(path);
        var part = full + ".part";
        try
        {
            await using (var file = File.Create(part))
                await write(file);
            File.Move(part, full, overwrite: true);
            return null;
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            File.Delete(part);
            return $"cannot write {full}: {failed.Message}";
        }
        catch (OperationCanceledException)
        {
            File.Delete(part);
            throw;
        }
    }
}
