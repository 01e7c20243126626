using CiExercise.Storage.JoinLinks;

namespace CiExercise.Server.Identity;

/// <summary>
/// Without an identity provider someone must be able to sign in first: on a deployment where no controller
/// link was ever issued, the server issues a one-time link for a controller of every exercise and prints
/// it. The token travels in the URL fragment, which browsers never send, so it reaches no request log.
/// Runs after storage has migrated (StorageInitializer works in StartingAsync).
/// </summary>
internal sealed class FirstControllerLink(
    IJoinLinkStore store, JoinLinkService links, PublicUrls urls, ConsoleNotice notice, ILogger<FirstControllerLink> logger)
    : IHostedService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public const string Name = "first controller";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await store.AnyOfKindAsync(JoinLinkService.KindText(PrincipalKind.Controller), cancellationToken)) return;
        var principal = new ExercisePrincipal(PrincipalKind.Controller, null, null, null, Name, null);
        var issued = (await links.IssueAsync([(principal, Lifetime)], "server", oneTime: true, cancellationToken))[0];
        // Console, not Serilog: the link signs in as a controller of everything and must not reach log sinks.
        notice.WriteLine($"Sign in as the first controller: {urls.JoinUrl(null, issued.Token)}");
        logger.LogInformation("Issued the first controller's one-time sign-in link {LinkId}, valid until {ExpiresAt}; printed on the console",
            issued.Link.Id, issued.Link.ExpiresAt);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
