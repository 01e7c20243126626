using System.Security.Cryptography;
using CiExercise.Storage;
using Microsoft.IdentityModel.Tokens;

namespace CiExercise.Server.Identity;

/// <summary>
/// The key CiExercise signs its own tokens with (HMAC-SHA256). Configured as Identity:SigningKey (base64, at least
/// 32 bytes); else, on a cluster, the one the shared database holds (the first node to start stores its own, every
/// node reads the same: see <see cref="SharedSigningKey"/>), so that a token from one node works on all; else kept
/// in the data directory, created on first start and readable by its owner only.
/// </summary>
public static class SigningKey
{
    public const string FileName = "signing.key";

    /// <summary>Its name in the shared-secret store.</summary>
    public const string SecretName = "identity.signing-key";

    /// <summary>Where this node's key comes from; on a cluster without a configured key it is known once storage has started.</summary>
    public static SigningKeySource Select(string? configured, string dataDirectory, bool clustered) =>
        !string.IsNullOrWhiteSpace(configured) ? new SigningKeySource(FromBase64(configured, "Identity:SigningKey"))
        : clustered ? new SigningKeySource(null)
        : new SigningKeySource(Load(null, dataDirectory));

    public static SymmetricSecurityKey Load(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return FromBase64(configured, "Identity:SigningKey");
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            PrivateFiles.CreateDirectory(dataDirectory);
            PrivateFiles.WriteAllText(path, NewKeyText());
        }
        return FromBase64(File.ReadAllText(path).Trim(), path);
    }

    /// <summary>A fresh random key, base64.</summary>
    public static string NewKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static SymmetricSecurityKey FromBase64(string text, string where)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The signing key in {where} is not base64.");
        }
        if (bytes.Length < 32) throw new InvalidOperationException($"The signing key in {where} is {bytes.Length} bytes; at least 32 are needed.");
        return new SymmetricSecurityKey(bytes) { KeyId = "ciexercise" };
    }
}
