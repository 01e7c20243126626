using CiExercise.Storage.Dialects;

namespace CiExercise.Storage.JoinLinks;

/// <summary>One row of join_links as join_link_get.sql and join_link_list.sql return it.</summary>
internal sealed class JoinLinkRow
{
    public string Id { get; set; } = "";
    public string? ExerciseId { get; set; }
    public string Kind { get; set; } = "";
    public string? OrganizationId { get; set; }
    public string? Role { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string CreatedBy { get; set; } = "";
    public string? RequestFingerprint { get; set; }

    // Times are a long (SQLite ticks) or a DateTimeOffset (SQL Server); the flag an integer or a bit.
    public object CreatedAt { get; set; } = 0L;
    public object ExpiresAt { get; set; } = 0L;
    public object? RevokedAt { get; set; }
    public object? UsedAt { get; set; }
    public object OneTime { get; set; } = 0L;

    public JoinLink ToLink() => new(Id, ExerciseId, Kind, OrganizationId, Role, Name,
        SqlDialect.FromDbTime(CreatedAt), SqlDialect.FromDbTime(ExpiresAt), Optional(RevokedAt), CreatedBy,
        Convert.ToBoolean(OneTime, System.Globalization.CultureInfo.InvariantCulture), Optional(UsedAt), Email);

    private static DateTimeOffset? Optional(object? value) => value is null or DBNull ? null : SqlDialect.FromDbTime(value);
}
