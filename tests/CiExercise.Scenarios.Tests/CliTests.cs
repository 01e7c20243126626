using CiExercise.Cli;

namespace CiExercise.Scenarios.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Validate_exits_0_for_a_valid_file_and_says_so()
    {
        var (code, output) = Run("validate", RepositoryScenarios.SamplePath);

        Assert.Equal(0, code);
        Assert.Contains("valid: scenario 'cloud-ransomware-cascade'", output);
    }

    [Fact]
    public void Validate_exits_1_and_prints_every_error_in_compiler_form()
    {
        var bad = Write("bad.yaml", ScenarioText.With((9, "    sector: banking"), (23, "    channel: fax")));
        var missing = Path.Combine(_folder, "missing.yaml");

        var (code, output) = Run("validate", RepositoryScenarios.SamplePath, bad, missing);

        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"{bad}:9:13: error CIEX023: unknown sector 'banking'; expected one of: " +
                        "information-communications, finance, aviation, airports, railways, electric-power, gas, government, medical, " +
                        "water, logistics, chemicals, credit-cards, petroleum, ports, national-centre, ministry, ceptoar, agency, vendor", lines);
        Assert.Contains(lines, l => l.StartsWith($"{bad}:23:14: error CIEX014: unknown channel 'fax'"));
        Assert.Contains($"{missing}:1:1: error CIEX007: file not found", lines);
    }

    [Fact]
    public void Validate_exits_0_when_there_are_only_warnings()
    {
        var warned = Write("warned.yaml", ScenarioText.With((26, null)));

        var (code, output) = Run("validate", warned);

        Assert.Equal(0, code);
        Assert.Contains($"{warned}:15:9: warning CIEX101:", output);
    }

    [Fact]
    public void Msel_prints_wall_times_compressed_by_the_speed()
    {
        var file = Write("s.yaml", ScenarioText.With((20, "    at: \"+01:00\"")));

        var (code, output) = Run("msel", file, "--speed", "60", "--start", "2026-03-02T10:00:00+01:00");

        Assert.Equal(0, code);
        var row = Assert.Single(output.Split('\n'), l => l.StartsWith("i1 "));
        Assert.Matches(@"^i1\s+\+01:00\s+2025-11-18 10:00:00\s+2026-03-02 10:01:00\s+email\s+bank, fsa\s+Ransom / Ransom$", row);
    }

    [Fact]
    public void Msel_defaults_to_now_and_real_time()
    {
        var file = Write("s.yaml", ScenarioText.Valid);
        var clock = new FixedTime(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

        var (code, output) = Run(clock, "msel", file);

        Assert.Equal(0, code);
        Assert.Contains("2026-01-05 08:30:00", output);
    }

    [Theory]
    [InlineData("0.05")]
    [InlineData("3601")]
    public void Msel_refuses_a_speed_out_of_range(string speed)
    {
        var (code, output) = Run("msel", RepositoryScenarios.SamplePath, "--speed", speed);

        Assert.NotEqual(0, code);
        Assert.Contains("--speed must be between 0.1 and 3600", output);
    }

    [Fact]
    public void Msel_of_an_invalid_file_prints_its_diagnostics_and_exits_1()
    {
        var bad = Write("bad.yaml", ScenarioText.With((3, "time-zone: Nowhere/Land")));

        var (code, output) = Run("msel", bad);

        Assert.Equal(1, code);
        Assert.Contains($"{bad}:3:12: error CIEX031:", output);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output) Run(params string[] args) => Run(TimeProvider.System, args);

    private static (int Code, string Output) Run(TimeProvider time, params string[] args)
    {
        var output = new StringWriter();
        var code = CiexApp.Run(args, output, output, time);
        return (code, output.ToString().Replace("\r\n", "\n"));
    }
}
