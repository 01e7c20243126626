namespace CiExercise.Cli.Tests;

internal static class TestFiles
{
    /// <summary>Writes a scenario's text (raw string literals end without a newline) to the folder; returns its path.</summary>
    public static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text + "\n");
        return path;
    }
}
