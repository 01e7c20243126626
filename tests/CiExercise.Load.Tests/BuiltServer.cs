namespace CiExercise.Load.Tests;

/// <summary>The CiExercise.Server.dll built with this test project, in the same configuration.</summary>
internal static class BuiltServer
{
    public static string Path()
    {
        // .../tests/CiExercise.Load.Tests/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var checkout = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = System.IO.Path.Combine(checkout, "src", "CiExercise.Server", "bin", configuration, "net10.0", "CiExercise.Server.dll");
        Assert.True(File.Exists(dll), $"The server is built with this project; expected {dll}.");
        return dll;
    }
}
