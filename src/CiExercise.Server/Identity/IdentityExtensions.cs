using CiExercise.Client.Hub;
using CiExercise.Server.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CiExercise.Server.Identity;

public static class IdentityExtensions
{
    /// <summary>
    /// Bearer tokens signed by this server (join links, sign-in links). Browsers cannot set headers on a
    /// WebSocket, so the hub also takes the token from the access_token query parameter, which is why
    /// request URLs of the hub are never logged with their query string.
    /// </summary>
    public static void AddCiExerciseIdentity(this WebApplicationBuilder builder)
    {
        var paths = ServerPaths.Find(builder.Environment);
        var key = SigningKey.Load(builder.Configuration["Identity:SigningKey"],
            paths.Resolve(builder.Configuration["Storage:DataDirectory"], "data"));
        builder.Services.AddSingleton<ITokenIssuer>(sp => new TokenIssuer(key, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<RevocationSignal>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = TokenIssuer.ValidationParameters(key);
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments(HubRoutes.Exercise)
                            && context.Request.Query["access_token"] is { Count: 1 } token)
                            context.Token = token;
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorization();
    }
}
