using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using CiExercise.Cli.Load.Hosting;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Cli.Load.Baseline;

/// <summary>`ciex bare-hub --port P`: hosts the baseline hub on loopback until stopped. Started by `ciex load`, not by people.</summary>
public static class BareHubHost
{
    public static async Task<int> RunAsync(int port, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR().AddJsonProtocol(options => ScenarioJson.Configure(options.PayloadSerializerOptions));
        builder.Services.ConfigureHttpJsonOptions(options => ScenarioJson.Configure(options.SerializerOptions));
        builder.Services.AddSingleton<BarePlayer>();
        await using var app = builder.Build();
        app.MapHub<BareHub>(CiExercise.Client.Hub.HubRoutes.Exercise, options => options.AllowStatefulReconnects = true);
        app.MapPost("/schedule", (BareSchedule schedule, BarePlayer player) =>
        {
            player.Prepare(schedule);
            return Results.NoContent();
        });
        app.MapPost("/start", (BarePlayer player) => Results.Ok(player.Start()));
        app.MapPost("/end", async (BarePlayer player, CancellationToken token) =>
        {
            await player.EndAsync(token);
            return Results.Accepted();
        });
        await app.StartAsync(cancellationToken);
        await output.WriteLineAsync($"{BareHubLauncher.ReadyLine} on port {port}");
        await output.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
