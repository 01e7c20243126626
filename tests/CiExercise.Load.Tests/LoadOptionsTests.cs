using CiExercise.Cli;

namespace CiExercise.Load.Tests;

/// <summary>Every option of ciex load is bounded, and a bad one is refused with what and why before anything starts.</summary>
public sealed class LoadOptionsTests
{
    [Theory]
    [InlineData("--organizations 3", "--organizations must be 4 to 2000 (got 3).")]
    [InlineData("--participants 17", "--participants must be 1 to 16 per organization (got 17).")]
    [InlineData("--organizations 2000 --participants 11", "--organizations × --participants must be at most 20000 consoles (got 22000).")]
    [InlineData("--speed 0.5", "--speed must be 1 to 3600 (got 0.5).")]
    [InlineData("--duration 2", "--duration must be 5 s to 1 h of wall time")]
    [InlineData("--injects 0", "--injects must be 1 to 500 (got 0).")]
    [InlineData("--action-delay 5-1", "--action-delay must be MIN-MAX seconds with 0 ≤ MIN ≤ MAX ≤ 120")]
    [InlineData("--action-delay soon", "--action-delay must be MIN-MAX seconds such as 0.5-3 (got 'soon').")]
    [InlineData("--timeout 5", "--timeout must be 30 s to 2 h")]
    [InlineData("--server http://127.0.0.1:5080/", "--server and --token go together")]
    [InlineData("--server http://example.org/ --token t", "--server must be a loopback address")]
    [InlineData("--server 127.0.0.1:5080 --token t", "--server must be an http:// or https:// address")]
    [InlineData("--server-dll /nonexistent/CiExercise.Server.dll", "--server-dll '/nonexistent/CiExercise.Server.dll' does not exist.")]
    public void A_bad_option_is_refused_with_what_was_wrong(string arguments, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = CiexApp.Run(["load", .. arguments.Split(' ')], output, error, TimeProvider.System);

        Assert.Equal(1, code);
        Assert.Contains(message, error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Write_scenario_writes_a_valid_scenario_and_starts_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("ciex-load-scenario-").FullName;
        try
        {
            var file = Path.Combine(folder, "load-850.yaml");
            var output = new StringWriter();

            var code = CiexApp.Run(["load", "--organizations", "850", "--write-scenario", file], output, new StringWriter(), TimeProvider.System);

            Assert.Equal(0, code);
            Assert.Contains($"{file}: scenario 'load-850', 850 organizations, 25 injects", output.ToString());
            var validate = new StringWriter();
            Assert.Equal(0, CiexApp.Run(["validate", file], validate, new StringWriter(), TimeProvider.System));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
