using Microsoft.IdentityModel.Tokens;

namespace CiExercise.Server.Identity;

/// <summary>
/// The signing key as the issuer and the token check reach it. Known when the host is built, except on a cluster
/// without a configured key, where <see cref="SharedSigningKey"/> reads it from the database while the host starts,
/// before the server takes a request.
/// </summary>
public sealed class SigningKeySource(SymmetricSecurityKey? key)
{
    private SymmetricSecurityKey? _key = key;

    public SymmetricSecurityKey Key => Volatile.Read(ref _key)
        ?? throw new InvalidOperationException("The cluster's signing key is read from the database while the server starts; it is not started yet.");

    public bool Known => Volatile.Read(ref _key) is not null;

    internal void Set(SymmetricSecurityKey key) => Volatile.Write(ref _key, key);
}
