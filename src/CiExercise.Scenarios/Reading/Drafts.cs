using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Reading;

// What the section readers produce: the contract value (with placeholders where a field was broken and
// already reported) plus the positions the cross-reference checks point at.

internal sealed record OrganizationDraft(
    Organization Value, SourcePosition IdAt, IdRef? ReportsTo, IReadOnlyList<IdRef> Roles, IdRef? Ceptoar = null);

internal sealed record ObjectiveDraft(Objective Value, SourcePosition IdAt);

internal sealed record PhaseDraft(Phase Value, SourcePosition IdAt, SourcePosition? StartAt, SourcePosition? EndAt);

internal sealed record RecipientsDraft(Recipients Value, SourcePosition At, IReadOnlyList<IdRef> Organizations, IReadOnlyList<IdRef> Roles);

internal sealed record ReviewDraft(ReviewSettings Value, IReadOnlyList<IdRef> EscalationRoles);

internal sealed record InjectDraft(
    Inject Value,
    SourcePosition IdAt,
    SourcePosition? AtPosition,
    bool AtKnown,
    RecipientsDraft? To,
    IReadOnlyList<IdRef> Objectives);
