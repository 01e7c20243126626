using System.Security.Cryptography;
using CiExercise.Storage;
using Microsoft.IdentityModel.Tokens;

namespace CiExercise.Server.Identity;

/// <summary>
/// The key CiExercise signs its own tokens with (HMAC-SHA256). Configured as Identity:SigningKey
/// (base64, at least 32 bytes; every node of a cluster needs the same one), else kept in the data
/// directory, created on first start and readable by its owner only.
/// </summary>
public static class SigningKey
{
    public const string FileName = "signing.key";

    public static SymmetricSecurityKey Load(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return FromBase64(configured, "Identity:SigningKey");
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            PrivateFiles.CreateDirectory(dataDirectory);
            PrivateFiles.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        return FromBase64(File.ReadAllText(path).Trim(), path);
    }

    private static SymmetricSecurityKey FromBase64(string text, string where)
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
