using CiExercise.Server.Hosting;
using Microsoft.Net.Http.Headers;

namespace CiExercise.Server.Extensions;

/// <summary>
/// The web consoles, built from ClientApp into wwwroot and served by this server itself (no CDN: they
/// must work on a closed network). Each console path falls back to the one page, which routes itself.
/// </summary>
public static class ConsoleExtensions
{
    public static readonly string[] ConsolePaths = ["/join", "/console", "/control", "/evaluate", "/observe", "/review"];

    public static void UseCiExerciseConsoles(this WebApplication app)
    {
        // First, so that every answer (pages, assets, API, errors) carries them.
        app.UseMiddleware<SecurityHeaders>();
        // The server's own address opens the consoles' page, which sends a signed-in user to their console.
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Vite puts a content hash in every asset name, so those never change; the page itself must be
            // asked for again, or a console keeps running yesterday's code after an upgrade.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] =
                context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
    }

    public static void MapCiExerciseConsoles(this WebApplication app)
    {
        foreach (var path in ConsolePaths)
        {
            // The page holds no secret; the API and the hub check who is asking.
            app.MapFallbackToFile(path, "index.html").AllowAnonymous();
            app.MapFallbackToFile($"{path}/{{*rest}}", "index.html").AllowAnonymous();
        }
    }
}
