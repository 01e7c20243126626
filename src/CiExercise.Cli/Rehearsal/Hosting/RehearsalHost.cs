using System.Globalization;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Extensions;
using CiExercise.Server.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CiExercise.Cli.Rehearsal.Hosting;

/// <summary>
/// The real server in this process, as Program.cs builds it (silo, SQLite store, hub, API), on a loopback port and
/// a data folder of its own that is deleted afterwards. Two things differ: time is the rehearsal's virtual clock,
/// and wake-ups go to <see cref="RehearsalWakeups"/> instead of Quartz, whose scheduler is not started.
/// </summary>
public sealed class RehearsalHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private RehearsalHost(WebApplication app, string folder, FakeTimeProvider clock, RehearsalWakeups wakeups, Uri address)
    {
        (_app, _folder, Clock, Wakeups, Address) = (app, folder, clock, wakeups, address);
    }

    public FakeTimeProvider Clock { get; }

    public RehearsalWakeups Wakeups { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RehearsalHost> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("ciex-rehearse-").FullName;
        try
        {
            // Whole seconds: wall times in the log stay readable. Real "now", because signed tokens are checked on wall time.
            var now = DateTimeOffset.UtcNow;
            var clock = new FakeTimeProvider(new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
            var wakeups = new RehearsalWakeups();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = Environments.Production });
            foreach (var (key, value) in Settings(folder)) builder.Configuration[key] = value;
            builder.AddCiExercise();
            var services = builder.Services;
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            services.Replace(ServiceDescriptor.Singleton<IWakeupScheduler>(wakeups));
            foreach (var quartz in services.Where(IsQuartz).ToList()) services.Remove(quartz);
            // The first controller's sign-in link is the operator's, not the rehearsal's: printed nowhere.
            services.Replace(ServiceDescriptor.Singleton(new ConsoleNotice(TextWriter.Null)));
            var app = builder.Build();
            app.UseCiExercise();
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RehearsalHost(app, folder, clock, wakeups, new Uri(address.EndsWith('/') ? address : address + "/"));
        }
        catch
        {
            Delete(folder);
            throw;
        }
    }

    /// <summary>
    /// An empty scenario folder and store, no sample exercise, free ports, no log output but errors (to nowhere: a
    /// failure reaches the rehearsal as an error of the call it broke), and limits no rehearsal reaches.
    /// </summary>
    private static Dictionary<string, string?> Settings(string folder) => new()
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataDirectory"] = Path.Combine(folder, "data"),
        ["Scenarios:Directory"] = Path.Combine(folder, "scenarios"),
        ["Samples:CreateOnEmpty"] = "false",
        ["Orleans:SiloPort"] = Port(),
        ["Orleans:GatewayPort"] = Port(),
        ["Serilog:MinimumLevel:Default"] = "Fatal",
        ["Limits:Api:Burst"] = "1000000",
        ["Limits:Api:PerMinute"] = "1000000",
        ["Limits:HubCalls:Burst"] = "1000000",
        ["Limits:HubCalls:PerMinute"] = "1000000",
        ["Limits:HubConnectionsPerToken"] = "100",
    };

    private static bool IsQuartz(ServiceDescriptor service) =>
        service.ServiceType == typeof(IHostedService) && service.ImplementationType == typeof(Quartz.QuartzHostedService);

    private static string Port() => Load.Hosting.FreePort.Next().ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None);
        }
        finally
        {
            await _app.DisposeAsync();
            Delete(_folder);
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite's, on some systems) leaves the folder in the temp directory; nothing else.
        }
    }
}
