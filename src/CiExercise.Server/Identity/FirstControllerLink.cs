using CiExercise.Storage;
using CiExercise.Storage.JoinLinks;

namespace CiExercise.Server.Identity;

/// <summary>
/// Without an identity provider someone must be able to sign in first: on a deployment where no controller
/// link was ever issued, the server issues a one-time link for a controller of every exercise. The link
/// signs in as a controller of everything, so it reaches no log: it is written to a file in the data
/// directory readable by the server's user only, the console says where, and shows the link itself only
/// when it is a terminal (a redirected output is kept somewhere). The token travels in the URL fragment,
/// which browsers never send, so it reaches no request log either.
/// Runs after storage has migrated (StorageInitializer works in StartingAsync). Nodes of a cluster that start
/// together all find no controller link; the link is stored under one fixed idempotency key, whose unique index
/// lets exactly one node's insert through: that node writes the file, the others issue nothing.
/// </summary>
internal sealed class FirstControllerLink(
    IJoinLinkStore store, JoinLinkService links, PublicUrls urls, ConsoleNotice notice, StorageOptions storage, ILogger<FirstControllerLink> logger)
    : IHostedService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public const string Name = "first controller";
    public const string FileName = "first-controller-link.txt";

    /// <summary>The one key the first link is ever issued under; no controller's key looks like it (theirs start with "key:").</summary>
    public static readonly IssueKey Key = new("server/first-controller-link", "first-controller-link");

    /// <summary>Where the link is written: the data directory's file.</summary>
    public static string PathIn(string dataDirectory) => System.IO.Path.Combine(dataDirectory, FileName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await store.AnyOfKindAsync(JoinLinkService.KindText(PrincipalKind.Controller), cancellationToken)) return;
        var principal = new ExercisePrincipal(PrincipalKind.Controller, null, null, null, Name, null);
        if (await links.IssueOnceAsync(principal, Lifetime, "server", Key, cancellationToken) is not { } issued)
        {
            logger.LogInformation("Another node of the cluster issued the first controller's sign-in link; see its data directory");
            return;
        }
        var url = urls.JoinUrl(null, issued.Token);
        var path = PathIn(storage.DataDirectory);
        PrivateFiles.CreateDirectory(storage.DataDirectory);
        PrivateFiles.WriteAllText(path, url + Environment.NewLine);

        notice.WriteLine($"The first controller's sign-in link is in {path} (readable by this server's user only; it works once, for 24 hours).");
        if (notice.IsTerminal) notice.WriteLine($"Sign in as the first controller: {url}");
        logger.LogInformation("Issued the first controller's one-time sign-in link {LinkId}, valid until {ExpiresAt}; written to {LinkFile}",
            issued.Link.Id, issued.Link.ExpiresAt, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
