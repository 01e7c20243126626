using CiExercise.Contracts.Exercises;

namespace CiExercise.Grains.Organizations;

internal sealed class InboxEntry(
    string injectId, long deliveredSeq, IReadOnlyList<string> roles, DateTimeOffset deliveredAt,
    TimeSpan deliveredAtScenario, bool late, TimeSpan? respondBy, IReadOnlyList<string> choiceIds)
{
    public string InjectId { get; } = injectId;
    public long DeliveredSeq { get; } = deliveredSeq;
    public IReadOnlyList<string> Roles { get; } = roles;
    public DateTimeOffset DeliveredAt { get; } = deliveredAt;
    public TimeSpan DeliveredAtScenario { get; } = deliveredAtScenario;
    public bool Late { get; } = late;
    public TimeSpan? RespondBy { get; } = respondBy;
    public IReadOnlyList<string> ChoiceIds { get; } = choiceIds;
    public ActionReceipt? Acknowledgement { get; set; }
    public string? AcknowledgedBy { get; set; }
    public List<long> DecisionSeqs { get; } = [];
    public List<long> ReportSeqs { get; } = [];

    /// <summary>The latest report on the inject's form (each report is kept in the record; a view shows the latest).</summary>
    public SubmittedReport? Report { get; set; }

    /// <summary>Whether a participant of this role may see and answer the inject (no roles: everyone).</summary>
    public bool IsFor(string role) => Roles.Count == 0 || Roles.Contains(role);
}
