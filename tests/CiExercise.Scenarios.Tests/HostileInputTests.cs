using System.Text;

namespace CiExercise.Scenarios.Tests;

public sealed class HostileInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_binary_file_is_refused_as_not_text()
    {
        var path = Write("binary.yaml", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        var diagnostic = Assert.Single(ScenarioParser.ParseFile(path).Diagnostics);

        Assert.Equal(("CIEX002", 1, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Invalid_utf8_is_refused_at_the_first_bad_byte()
    {
        var path = Write("latin1.yaml", Encoding.Latin1.GetBytes("id: t\ntitle: Gr\u00fc\u00dfe\n"));

        var diagnostic = Assert.Single(ScenarioParser.ParseFile(path).Diagnostics);

        Assert.Equal(("CIEX002", 2, 10), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_nul_character_in_text_is_refused()
    {
        var diagnostic = Assert.Single(ScenarioText.Parse("id: t\ntitle: a\0b\n").Diagnostics);

        Assert.Equal(("CIEX002", 2, 9), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void An_oversized_file_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_folder, "huge.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(ScenarioLimits.MaxFileBytes + 1);
        }

        var result = Refused(() => ScenarioParser.ParseFile(path));

        Assert.Equal("CIEX001", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Oversized_text_is_refused()
    {
        var text = "id: t\nbody: " + new string('x', ScenarioLimits.MaxFileBytes) + "\n";

        var result = Refused(() => ScenarioText.Parse(text));

        Assert.Equal("CIEX001", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Deep_nesting_is_refused_at_the_level_past_the_limit()
    {
        var text = "id: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var result = Refused(() => ScenarioText.Parse(text));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("CIEX004", 1, 4 + ScenarioLimits.MaxDepth), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void An_alias_bomb_is_refused_without_expansion()
    {
        var bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level < 10; level++)
        {
            var previous = $"*a{level - 1}";
            bomb.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat(previous, 9))}]\n");
        }

        var result = Refused(() => ScenarioText.Parse(bomb.ToString()));

        Assert.False(result.Succeeded);
        var first = result.Diagnostics.First(d => d.Code == "CIEX005");
        Assert.Equal((2, 10), (first.Line, first.Column));
        Assert.Contains("alias '*a0' is not allowed", first.Message);
    }

    [Fact]
    public void A_flood_of_errors_stops_at_the_diagnostic_limit()
    {
        var text = "id: t\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"junk{i}: x\n"));

        var result = ScenarioText.Parse(text);

        Assert.Equal(ScenarioLimits.MaxDiagnostics + 1, result.Diagnostics.Count);
        Assert.Contains(result.Diagnostics, d => d.Code == "CIEX008");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // Speed is not asserted (shared machines are noisy); a hostile file that were expanded or walked
    // in full would exhaust memory or the stack and fail the test run instead.
    private static ScenarioParseResult Refused(Func<ScenarioParseResult> parse) => parse();
}
