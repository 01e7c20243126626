using Microsoft.Playwright;

namespace CiExercise.Browser.Tests.Infrastructure;

/// <summary>Writes console screenshots into tests/CiExercise.Browser.Tests/screenshots, which the README links.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Find();

    public static async Task TakeAsync(IPage page, string name)
    {
        // Filling forms further down scrolls the page; a picture of a console should start at its header and clocks.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = false });
    }

    /// <summary>One panel of a console, for a feature that sits below the first screen.</summary>
    public static Task TakeAsync(ILocator panel, string name) =>
        panel.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png") });

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CiExercise.sln")))
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "tests", "CiExercise.Browser.Tests", "screenshots")).FullName;
        }
        // Outside a checkout (a copied build) the pictures stay beside the tests.
        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
    }
}
