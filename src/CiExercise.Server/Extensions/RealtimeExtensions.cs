using CiExercise.Client.Hub;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Realtime;
using CiExercise.Server.Realtime.Presence;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Extensions;

public static class RealtimeExtensions
{
    /// <summary>The exercise hub, its connection registry and the bridge from the event log to the consoles.</summary>
    public static void AddCiExerciseRealtime(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR(options =>
            {
                // Outermost first: a call over its connection's rate is turned away before anything else runs
                // (it logs its own warning with the limit); refusals inside are logged by HubRefusalFilter.
                options.AddFilter<Throttling.HubCallLimitFilter>();
                options.AddFilter<HubRefusalFilter>();
                options.AddFilter<ClientActionIdFilter>();
                // One call from a console: the largest (an 8,000-character body in Japanese, which the .NET client sends as
                // six-byte \u escapes) is about 50 KB, over SignalR's default of 32 KB; anything larger closes the connection.
                options.MaximumReceiveMessageSize = Contracts.Limits.HubMessageBytes;
                // A stateful reconnect replays what the server buffered. The buffer is per connection (1 MB
                // each was 6.8 GB at a national exercise's 6,800 consoles); a blip longer than it holds ends in
                // a re-subscribe from the console's last sequence number, which loses nothing.
                options.StatefulReconnectBufferSize = 64 * 1024;
            })
            .AddJsonProtocol(options => ScenarioJson.Configure(options.PayloadSerializerOptions));
        services.AddSingleton<HubRefusalFilter>();
        services.AddSingleton<ClientActionIdFilter>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<LiveEvents>();
        services.AddSingleton<RealtimeMetrics>();
        services.AddSingleton<NodePresence>();
        services.AddSingleton<IPresenceSource>(sp => sp.GetRequiredService<NodePresence>());
        services.AddSingleton<PresenceReader>();
        services.AddHostedService<PresencePublisher>();
        // Picked up by Serilog's ReadFrom.Services, so it runs before every sink.
        services.AddSingleton<Serilog.Core.ILogEventEnricher, HubTokenRedaction>();
        // One instance: the hub tells it which exercises this node's consoles follow (other nodes' commits, on a cluster).
        services.AddSingleton<RealtimeBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<RealtimeBridge>());
    }

    /// <summary>The Origin check in front of the hub, and the hub itself.</summary>
    public static void UseCiExerciseRealtime(this WebApplication app)
    {
        app.UseMiddleware<HubOriginCheck>();
        app.MapHub<ExerciseHub>(HubRoutes.Exercise, options =>
        {
            options.AllowStatefulReconnects = true;
            options.CloseOnAuthenticationExpiration = true;
        });
    }
}
