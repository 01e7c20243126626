extern alias ciex;

using System.Text;
using System.Text.Json;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using CiexApp = ciex::CiExercise.Cli.CiexApp;
using ReportRunner = ciex::CiExercise.Cli.ReportRunner;

namespace CiExercise.Server.Tests.Reports;

/// <summary>The real server on a real port (Kestrel), for a command line that connects to it.</summary>
public sealed class ListeningServer : ServerFixture
{
    protected override void Configure(ServerFactory factory) => factory.UseKestrel(0);

    public Uri Address => new(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public string Token => Api.Http.DefaultRequestHeaders.Authorization!.Parameter!;
}

/// <summary>`ciex report` run in process against a listening server: every format, and the server's problems told plainly.</summary>
public sealed class CliReportTests(ListeningServer server) : IClassFixture<ListeningServer>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Report_writes_each_format_from_the_server()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        await server.Api.CommandAsync(id, "speed", new { speed = 3600 });
        await server.Api.CommandAsync(id, "start");
        await server.Api.WaitForExerciseAsync(id, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject fired");
        var lastSeq = await server.Api.LastSeqAsync(id);

        var (code, output, error) = await RunAsync("report", id, "--server", server.Address.ToString(), "--format", "xlsx",
            "--out", File("r.xlsx"), "--lang", "ja", "--token", server.Token);
        Assert.True(code == 0, error);
        Assert.Contains("wrote", output);
        Assert.DoesNotContain(server.Token, output + error);
        using (var package = SpreadsheetDocument.Open(File("r.xlsx"), false))
            Assert.Contains(package.WorkbookPart!.Workbook.Sheets!.ChildElements, s => ((DocumentFormat.OpenXml.Spreadsheet.Sheet)s).Name == "timeline");

        Environment.SetEnvironmentVariable(ReportRunner.TokenVariable, server.Token);
        try
        {
            (code, _, error) = await RunAsync("report", id, "--server", server.Address.ToString(), "--format", "csv", "--table", "timeline", "--out", File("t.csv"));
            Assert.True(code == 0, error);
            var rows = CsvText.Parse(Encoding.UTF8.GetString((await System.IO.File.ReadAllBytesAsync(File("t.csv"), TestContext.Current.CancellationToken))[3..]));
            Assert.Equal(lastSeq + 2, rows.Count);

            (code, _, error) = await RunAsync("report", id, "--server", server.Address.ToString(), "--format", "json", "--out", File("x.json"));
            Assert.True(code == 0, error);
            using var export = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(File("x.json"), TestContext.Current.CancellationToken));
            Assert.Equal(lastSeq, export.RootElement.GetProperty("events").GetArrayLength());

            (code, _, error) = await RunAsync("report", id, "--server", server.Address.ToString(), "--format", "md", "--out", File("r.md"));
            Assert.True(code == 0, error);
            Assert.Contains("EXERCISE", await System.IO.File.ReadAllTextAsync(File("r.md"), TestContext.Current.CancellationToken));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ReportRunner.TokenVariable, null);
        }
    }

    [Fact]
    public async Task A_refused_download_prints_the_problems_code_and_detail_and_writes_nothing()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;

        var (code, _, error) = await RunAsync("report", id, "--server", server.Address.ToString(), "--format", "csv", "--table", "nope",
            "--out", File("n.csv"), "--token", server.Token);
        Assert.Equal(1, code);
        Assert.Contains("404", error);
        Assert.Contains("report.unknown-table: The report has no table 'nope'", error);
        Assert.False(System.IO.File.Exists(File("n.csv")));

        (code, _, error) = await RunAsync("report", id, "--server", server.Address.ToString(), "--format", "md", "--out", File("n.md"), "--token", "not-a-token");
        Assert.Equal(1, code);
        Assert.Contains("401", error);
        Assert.DoesNotContain("not-a-token", error);

        (code, _, error) = await RunAsync("report", id, "--server", server.Address.ToString(), "--format", "md", "--out", File("n.md"));
        Assert.Equal(1, code);
        Assert.Contains("CIEX_TOKEN", error);
    }

    private string File(string name) => Path.Combine(_folder, name);

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CiexApp.RunAsync(args, output, error, TimeProvider.System);
        return (code, output.ToString(), error.ToString());
    }
}
