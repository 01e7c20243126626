using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CiExercise.Server.Endpoints;
using CiExercise.Server.Identity;
using CiExercise.Server.Roster;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Roster;

/// <summary>POST /api/exercises/{id}/roster and the exports, through the real server.</summary>
public sealed class RosterImportTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Roster = """
        name,organization,role,email,note
        佐藤 花子,bank,staff,sato@example.jp,first
        "Suzuki, Ichiro",中央電力,manager,suzuki@example.jp,
        Tanaka,Wangan Water,staff,,no mail
        Ito,bank,manager,ito@example.jp,
        """;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dry_run_counts_people_per_organization_and_issues_nothing()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;

        var report = await ImportAsync(id, Csv(Roster), "?dryRun=true", HttpStatusCode.OK);

        Assert.True(report.DryRun && report.Valid);
        Assert.Equal((4, 4, 0, "csv", "utf-8"), (report.Rows, report.ToIssue, report.ErrorCount, report.Format, report.Encoding));
        Assert.Equal([("bank", 2, 2), ("power", 1, 1), ("water", 1, 0)],
            report.Organizations.Select(o => (o.OrganizationId, o.People, o.WithEmail)).OrderBy(o => o.OrganizationId));
        Assert.Null(report.Links);
        Assert.Empty(await LinksAsync(id));
    }

    [Fact]
    public async Task An_import_issues_working_links_whose_csv_carries_the_email_per_organization_too()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;

        var report = await ImportAsync(id, Csv(Roster), "?expiresInDays=14", HttpStatusCode.Created);

        Assert.False(report.DryRun);
        Assert.Equal(["佐藤 花子", "Suzuki, Ichiro", "Tanaka", "Ito"], report.Links!.Select(l => l.Link.Name));
        var suzuki = report.Links![1];
        Assert.Equal(("power", "manager", "suzuki@example.jp"), (suzuki.Link.OrganizationId, suzuki.Link.Role, suzuki.Link.Email));
        Assert.InRange(suzuki.Link.ExpiresAt - suzuki.Link.CreatedAt, TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(14));
        var me = await server.Factory.Client(TokenOf(suzuki.Url)).GetAsync<PrincipalView>("/api/auth/me");
        Assert.Equal(new PrincipalView(PrincipalKind.Participant, id, "power", "manager", "Suzuki, Ichiro"), me);

        var all = await CsvAsync($"/api/exercises/{id}/join-links.csv");
        Assert.Equal("name,kind,organization,role,expires,url,email", all[0]);
        Assert.StartsWith("\"Suzuki, Ichiro\",participant,power,manager,", all[2]);
        Assert.EndsWith($",{suzuki.Url},suzuki@example.jp", all[2]);
        Assert.EndsWith(",", all[3]);
        var bank = await CsvAsync($"/api/exercises/{id}/join-links.csv?organizationId=bank");
        Assert.Equal(["佐藤 花子", "Ito"], bank.Skip(1).Select(r => r.Split(',')[0]));

        using var zipResponse = await server.Api.Http.GetAsync($"/api/exercises/{id}/join-links.zip", Cancellation);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await zipResponse.Content.ReadAsStreamAsync(Cancellation));
        Assert.Equal(["bank.csv", "power.csv", "water.csv"], zip.Entries.Select(e => e.FullName).Order());
        Assert.Equal(bank, Lines(zip.GetEntry("bank.csv")!));
    }

    [Fact]
    public async Task One_wrong_row_issues_nothing_and_the_answer_names_every_error()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        var csv = Roster + "\nKato,kanto-power,staff,\nMori,bank,ciso,\n";

        using var response = await server.Api.Http.PostAsync($"/api/exercises/{id}/roster", Csv(csv), Cancellation);
        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        var dryRun = await ImportAsync(id, Csv(csv), "?dryRun=true", HttpStatusCode.OK);

        Assert.Equal("roster.invalid", problem.Code);
        Assert.Equal(["row 6, column 'organization'", "row 7, column 'role'"], problem.Fields);
        Assert.Contains("2 error(s)", problem.Detail, StringComparison.Ordinal);
        Assert.Equal([(6, "organization"), (7, "role")], dryRun.Errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.Equal("organization 'bank' has no role 'ciso'; its roles are manager, staff", dryRun.Errors[1].Message);
        Assert.Empty(await LinksAsync(id));
    }

    [Fact]
    public async Task An_xlsx_roster_uploaded_as_a_form_and_a_second_import_of_the_same_people_is_refused()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        var xlsx = RosterFiles.Xlsx(["氏名", "組織", "役割", "メール"], ["佐藤", "東都銀行", "staff", "sato@example.jp"], ["鈴木", "water", "manager"]);
        var form = new MultipartFormDataContent { { new ByteArrayContent(xlsx), "file", "名簿.xlsx" } };

        var report = await ImportAsync(id, form, "", HttpStatusCode.Created);
        var again = await ImportAsync(id, Raw(xlsx, RosterEndpoints.XlsxType), "?dryRun=true", HttpStatusCode.OK);

        Assert.Equal(("xlsx", 2), (report.Format, report.Links!.Count));
        Assert.Equal([("bank", "staff", "sato@example.jp"), ("water", "manager", null)],
            (await LinksAsync(id)).Select(l => (l.OrganizationId!, l.Role!, l.Email)));
        Assert.Equal(["row 2, column 'メール': 'sato@example.jp' already has a working join link (佐藤, bank); revoke it first or leave this row out"],
            again.Errors.Select(e => e.Text));
    }

    [Fact]
    public async Task Files_over_the_bounds_other_media_types_and_bad_options_are_refused_before_reading()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        var huge = new byte[RosterLimits.MaxFileBytes + 1];

        await RefusedAsync(id, Raw(huge, "text/csv"), "", HttpStatusCode.RequestEntityTooLarge, "roster.too-large");
        await RefusedAsync(id, new MultipartFormDataContent { { new ByteArrayContent(huge), "file", "big.csv" } }, "",
            HttpStatusCode.RequestEntityTooLarge, "roster.too-large");
        await RefusedAsync(id, new StringContent("{}", Encoding.UTF8, "application/json"), "", HttpStatusCode.UnsupportedMediaType, "roster.media-type");
        await RefusedAsync(id, Csv(Roster), "?expiresInDays=31", HttpStatusCode.BadRequest, "request.invalid");
        await RefusedAsync(ApiClient.NewId(), Csv(Roster), "", HttpStatusCode.NotFound, "exercise.not-found");
        using var unknown = await server.Api.Http.GetAsync($"/api/exercises/{id}/join-links.csv?organizationId=nowhere", Cancellation);
        Assert.Equal("organization.not-found", (await ProblemAssert.ReadAsync(unknown, HttpStatusCode.NotFound)).Code);
        Assert.Empty(await LinksAsync(id));
    }

    [Fact]
    public async Task A_second_import_while_one_runs_is_told_to_try_again_and_issues_nothing()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        var imports = server.Factory.Services.GetRequiredService<RosterImports>();

        using (var running = imports.TryEnter())
        {
            Assert.NotNull(running);
            await RefusedAsync(id, Csv(Roster), "", HttpStatusCode.TooManyRequests, "roster.busy");
        }

        Assert.Empty(await LinksAsync(id));
        Assert.Equal(4, (await ImportAsync(id, Csv(Roster), "", HttpStatusCode.Created)).Links!.Count);
    }

    /// <summary>A national exercise's roster: the figure is printed, not asserted.</summary>
    [Fact]
    public async Task A_national_roster_of_6800_people_is_issued_in_one_import()
    {
        var id = (await server.Api.CreateExerciseAsync()).Id;
        var organizations = new[] { "ministry", "bank", "power", "water" };
        var csv = new StringBuilder("name,organization,role,email\n");
        for (var i = 0; i < 6800; i++) csv.Append($"Person {i},{organizations[i % 4]},{(i % 3 == 0 ? "manager" : "staff")},p{i}@example.jp\n");

        var started = Stopwatch.GetTimestamp();
        var report = await ImportAsync(id, Csv(csv.ToString()), "", HttpStatusCode.Created);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(6800, report.Links!.Count);
        Assert.Equal(6800, (await LinksAsync(id)).Length);
        TestContext.Current.TestOutputHelper?.WriteLine($"Roster import of 6,800 people: {elapsed.TotalMilliseconds:F0} ms end to end (parse, check, store, sign).");
    }

    private async Task<RosterReport> ImportAsync(string id, HttpContent content, string query, HttpStatusCode expected)
    {
        using var response = await server.Api.Http.PostAsync($"/api/exercises/{id}/roster{query}", content, Cancellation);
        return await ApiClient.ReadAsync<RosterReport>(response, expected);
    }

    private async Task RefusedAsync(string id, HttpContent content, string query, HttpStatusCode status, string code)
    {
        using var response = await server.Api.Http.PostAsync($"/api/exercises/{id}/roster{query}", content, Cancellation);
        Assert.Equal(code, (await ProblemAssert.ReadAsync(response, status)).Code);
    }

    private Task<JoinLinkSummary[]> LinksAsync(string id) => server.Api.GetAsync<JoinLinkSummary[]>($"/api/exercises/{id}/join-links");

    private async Task<string[]> CsvAsync(string url)
    {
        var bytes = await server.Api.Http.GetByteArrayAsync(url, Cancellation);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static string[] Lines(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static StringContent Csv(string text) => new(text.ReplaceLineEndings("\n"), Encoding.UTF8, "text/csv");

    private static ByteArrayContent Raw(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static string TokenOf(string url) => url[(url.IndexOf('#', StringComparison.Ordinal) + 1)..];
}
