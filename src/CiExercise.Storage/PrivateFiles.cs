namespace CiExercise.Storage;

/// <summary>
/// The data directory holds the record of an exercise, the signing key and the first controller's link:
/// what the server creates there is readable by the server's user only (0700 directories, 0600 files).
/// Existing files and folders keep the modes their owner gave them.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, DirectoryMode);
    }

    /// <summary>Creates the file empty, readable by this user only, unless it exists.</summary>
    public static void CreateFile(string path)
    {
        if (File.Exists(path)) return;
        try
        {
            using var _ = Open(path, System.IO.FileMode.CreateNew);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it meanwhile: theirs stands.
        }
    }

    /// <summary>Writes the text to a file created anew (never a copy left with wider modes), readable by this user only.</summary>
    public static void WriteAllText(string path, string text)
    {
        File.Delete(path);
        using var writer = new StreamWriter(Open(path, System.IO.FileMode.CreateNew));
        writer.Write(text);
    }

    private static FileStream Open(string path, System.IO.FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }
}
