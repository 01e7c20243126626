namespace CiExercise.Server.Identity;

/// <summary>
/// Tells the parts of this node that hold live sessions (the hub) that a token was revoked, so that
/// its connections are closed at once rather than at expiry.
/// </summary>
public sealed class RevocationSignal
{
    public event Action<string>? Revoked;

    public void Publish(string tokenId) => Revoked?.Invoke(tokenId);
}
