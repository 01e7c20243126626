using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CiExercise.Server.Tests.Access;

/// <summary>
/// Tokens of an enterprise OpenID Connect provider, with the provider's claim types mapped by configuration.
/// No provider runs here: its configuration and signing key are injected into the scheme's options.
/// </summary>
public sealed class OidcTests : IAsyncLifetime
{
    private const string Issuer = "https://idp.example.test/realm";
    private const string Audience = "ciexercise-api";
    private static readonly SymmetricSecurityKey ProviderKey = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "idp-test" };

    private readonly TempDirectory _directory = new();
    private ServerFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new ServerFactory(_directory.Path, new Dictionary<string, string?>
        {
            ["Identity:Oidc:Authority"] = Issuer,
            ["Identity:Oidc:Audience"] = Audience,
            ["Identity:Oidc:Claims:Kind"] = "ciex/kind",
            ["Identity:Oidc:Claims:Exercise"] = "ciex/exercise",
            ["Identity:Oidc:Claims:Organization"] = "org_code",
            ["Identity:Oidc:Claims:Role"] = "job_role",
            ["Identity:Oidc:Claims:Name"] = "preferred_username",
        }, services => services.Configure<JwtBearerOptions>(IdentityExtensions.OidcScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(ProviderKey);
            options.Configuration = configuration;
        }));
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_provider_token_signs_in_with_its_claims_mapped()
    {
        var token = ProviderToken(new()
        {
            ["ciex/kind"] = "participant", ["ciex/exercise"] = "ex-1", ["org_code"] = "bank", ["job_role"] = "staff", ["preferred_username"] = "tanaka",
        });

        var me = await _factory.Client(token).GetAsync<PrincipalView>("/api/auth/me");

        Assert.Equal(new PrincipalView(PrincipalKind.Participant, "ex-1", "bank", "staff", "tanaka"), me);
    }

    [Fact]
    public async Task Provider_tokens_without_the_mapped_claims_or_with_a_foreign_key_are_refused()
    {
        var noKind = ProviderToken(new() { ["preferred_username"] = "tanaka" });
        var foreignKey = ProviderToken(new() { ["ciex/kind"] = "controller", ["preferred_username"] = "x" },
            new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "idp-test" });

        using var missing = await _factory.Client(noKind).Http.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
        using var forged = await _factory.Client(foreignKey).Http.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);

        Assert.Contains("ciex/kind", (await ProblemAssert.ReadAsync(missing, HttpStatusCode.Unauthorized)).Detail);
        await ProblemAssert.ReadAsync(forged, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_server_own_links_still_work_beside_the_provider()
    {
        var api = await _factory.SignInAsync(TestPrincipals.ControllerOfAll);

        Assert.Equal(PrincipalKind.Controller, (await api.GetAsync<PrincipalView>("/api/auth/me")).Kind);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _directory.Dispose();
    }

    private static string ProviderToken(Dictionary<string, object> claims, SymmetricSecurityKey? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key ?? ProviderKey, SecurityAlgorithms.HmacSha256),
        });
}
