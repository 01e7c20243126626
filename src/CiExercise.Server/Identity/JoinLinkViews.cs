using CiExercise.Storage.JoinLinks;

namespace CiExercise.Server.Identity;

/// <summary>A link as the list shows it: no token and no URL, which are shown at issue and in the CSV export only.</summary>
public sealed record JoinLinkSummary(
    string Id, PrincipalKind Kind, string? OrganizationId, string? Role, string Name, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy, string? Email = null)
{
    public static JoinLinkSummary From(JoinLink link) => new(link.Id, Enum.Parse<PrincipalKind>(link.Kind, ignoreCase: true),
        link.OrganizationId, link.Role, link.Name, link.CreatedAt, link.ExpiresAt, link.RevokedAt, link.CreatedBy, link.Email);
}

/// <summary>A link just issued, with the URL to hand to its holder.</summary>
public sealed record IssuedJoinLink(JoinLinkSummary Link, string Url);
