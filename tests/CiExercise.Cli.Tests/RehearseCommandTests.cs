namespace CiExercise.Cli.Tests;

/// <summary>ciex rehearse as a user runs it: exit codes, errors in compiler form, the report's language.</summary>
public sealed class RehearseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-rehearse-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_scenario_that_does_not_validate_exits_1_with_its_errors_and_rehearses_nothing()
    {
        var bad = TestFiles.Write(_folder, "bad.yaml", ShortWindowScenario.Text.Replace("    sector: water", "    sector: waterworks"));

        var (code, output, error) = await RunAsync("rehearse", bad, "--speed", "60");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"{bad}:18:13: error CIEX023: unknown sector 'waterworks'", error);
        Assert.Contains("does not validate; nothing was rehearsed", error);
    }

    [Fact]
    public async Task Options_out_of_range_are_refused_before_anything_runs()
    {
        var file = ShortWindowScenario.WriteTo(_folder);

        var (behaviour, _, behaviourError) = await RunAsync("rehearse", file, "--participants", "lazy");
        var (speed, _, speedError) = await RunAsync("rehearse", file, "--speed", "5000");

        Assert.NotEqual(0, behaviour);
        Assert.Contains("lazy", behaviourError);
        Assert.NotEqual(0, speed);
        Assert.Contains("--speed must be between 0.1 and 3600", speedError);
    }

    [Fact]
    public async Task The_report_is_printed_in_Japanese_and_as_JSON()
    {
        var file = ShortWindowScenario.WriteTo(_folder);

        var (code, output, error) = await RunAsync("rehearse", file, "--speed", "60", "--lang", "ja");
        var (jsonCode, json, _) = await RunAsync("rehearse", file, "--speed", "60", "--json");

        Assert.Equal(0, code);
        // The file's warnings (the ministry and the waterworks get no inject) are printed as `ciex validate` prints them.
        Assert.Contains($"{file}:16:9: warning CIEX102: organization 'waterworks' receives no inject", error);
        Assert.DoesNotContain(": error ", error);
        Assert.Contains("リハーサル short-window：Short window", output);
        Assert.Contains("速度 60 では期限内に対応できないインジェクト", output);
        Assert.Contains("  i1（00:30:00）：期限 00:30:00", output);
        Assert.Equal(0, jsonCode);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("i1", document.RootElement.GetProperty("unanswerable")[0].GetProperty("injectId").GetString());
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CiexApp.RunAsync(args, output, error, TimeProvider.System);
        return (code, output.ToString(), error.ToString());
    }
}
