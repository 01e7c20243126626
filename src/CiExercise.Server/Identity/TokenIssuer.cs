using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CiExercise.Server.Identity;

/// <summary>Issues the JWTs that join links and sign-in links carry, signed with the server's key.</summary>
public sealed class TokenIssuer(SigningKeySource key, TimeProvider time) : ITokenIssuer
{
    public const string Issuer = "ciexercise";
    public const string Audience = "ciexercise";

    public string Issue(ExercisePrincipal principal, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        return Issue(principal, now, now + lifetime);
    }

    public string Issue(ExercisePrincipal principal, DateTimeOffset issuedAt, DateTimeOffset expiresAt) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(principal.ToClaims()),
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>The checks of a token this server signed; the key is asked for per token, so a cluster's shared key read at start counts.</summary>
    public static TokenValidationParameters ValidationParameters(SigningKeySource key) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeyResolver = (_, _, _, _) => [key.Key],
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = ClaimNames.Name,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
