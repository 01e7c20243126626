using CiExercise.Storage.Secrets;

namespace CiExercise.Server.Identity;

/// <summary>
/// On a cluster without Identity:SigningKey: the key every node signs with, from the shared database. Each node
/// offers a fresh random key and gets the one stored first, also when nodes start at the same moment. Runs in
/// StartingAsync after storage has migrated (registered after it), so the key is known before the silo or Kestrel
/// starts; the key is a secret and is never logged.
/// </summary>
internal sealed partial class SharedSigningKey(SigningKeySource source, ISharedSecretStore secrets, ILogger<SharedSigningKey> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var stored = await secrets.GetOrAddAsync(SigningKey.SecretName, SigningKey.NewKeyText(), cancellationToken);
        source.Set(SigningKey.FromBase64(stored, $"the shared secret '{SigningKey.SecretName}' of the database"));
        LogShared(logger, SigningKey.SecretName);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing tokens with the cluster's shared key (shared secret {SecretName} of the database)")]
    private static partial void LogShared(ILogger logger, string secretName);
}
