using System.IO.Compression;
using System.Text;
using CiExercise.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiExercise.Browser.Tests;

/// <summary>The controller imports a roster in the join-links panel: errors by row first, then a corrected file issued whole.</summary>
public sealed class RosterImportTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static RosterImportTests() => SetDefaultExpectTimeout(ExpectTimeout.Milliseconds);

    [Fact]
    public async Task A_roster_file_is_checked_shows_its_errors_by_row_and_once_correct_issues_every_link()
    {
        var exerciseId = await fixture.CreateExerciseAsync();
        var (controlContext, control) = await fixture.OpenAsync(await fixture.IssueLinkAsync(exerciseId, "controller", "Control"), $"/control/{exerciseId}");
        await using var _ = controlContext;
        var roster = control.GetByTestId("roster");

        await roster.GetByTestId("roster-file").SetInputFilesAsync(Csv("氏名,組織,役割,メール\n佐藤 花子,東都銀行,staff,sato@example.jp\n鈴木,power,ciso,\n"));
        var errors = roster.GetByTestId("roster-errors");
        await Expect(errors).ToContainTextAsync("1 errors in the file");
        await Expect(errors.Locator("tbody tr")).ToHaveTextAsync(["3役割organization 'power' has no role 'ciso'; its roles are manager, staff"]);
        await Expect(roster.GetByTestId("roster-issue")).ToHaveCountAsync(0);

        await roster.GetByTestId("roster-file").SetInputFilesAsync(Csv("氏名,組織,役割,メール\n佐藤 花子,東都銀行,staff,sato@example.jp\n鈴木,power,manager,\n"));
        await Expect(roster.GetByTestId("roster-preview")).ToContainTextAsync("2 people in 2 organizations (csv, utf-8), ready to issue.");
        await roster.GetByTestId("roster-issue").ClickAsync();
        await Expect(roster.GetByTestId("roster-issued")).ToContainTextAsync("Issued 2 join links.");
        await Expect(control.Locator("[data-testid=links] tr", new() { HasText = "sato@example.jp" })).ToContainTextAsync("佐藤 花子");
        await Expect(control.Locator("[data-testid=links] tr", new() { HasText = "鈴木" })).ToContainTextAsync("manager");
        await control.Locator("section.links").ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "roster-import.png") });

        var download = await control.RunAndWaitForDownloadAsync(() => control.GetByTestId("download-zip").ClickAsync());
        using var zip = ZipFile.OpenRead(await download.PathAsync());
        Assert.Equal(["_exercise-staff.csv", "bank.csv", "power.csv"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var bank = new StreamReader(zip.GetEntry("bank.csv")!.Open(), Encoding.UTF8);
        Assert.Contains("sato@example.jp", await bank.ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static FilePayload Csv(string text) => new() { Name = "roster.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
}
