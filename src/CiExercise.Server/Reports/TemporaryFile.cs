namespace CiExercise.Server.Reports;

/// <summary>A file only the server's user can read, removed when it is closed: where a download or an upload waits.</summary>
internal static class TemporaryFile
{
    public static FileStream Create(string prefix, string extension)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}{extension}"), options);
    }
}
