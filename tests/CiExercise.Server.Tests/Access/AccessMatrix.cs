namespace CiExercise.Server.Tests.Access;

/// <summary>Who calls, in the matrix: each against exercise A (and, for a participant, its own or another organization).</summary>
public enum Caller
{
    Anonymous,
    ControllerOfAll,
    ControllerOfA,
    ControllerOfB,
    ParticipantOwnOrg,
    ParticipantOtherOrg,
    Evaluator,
    Observer,
}

/// <summary>
/// Every HTTP endpoint ("METHOD pattern", as routing names it) and who may call it. Everyone else is refused:
/// 401 without a principal, 403 with one. An endpoint missing here fails the matrix test.
/// </summary>
public static class AccessMatrix
{
    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    private static readonly Caller[] Signed = Everyone.Except([Caller.Anonymous]).ToArray();
    private static readonly Caller[] Controllers = [Caller.ControllerOfAll, Caller.ControllerOfA, Caller.ControllerOfB];
    private static readonly Caller[] ControllersOfA = [Caller.ControllerOfAll, Caller.ControllerOfA];
    private static readonly Caller[] MembersOfA =
        [Caller.ControllerOfAll, Caller.ControllerOfA, Caller.ParticipantOwnOrg, Caller.ParticipantOtherOrg, Caller.Evaluator, Caller.Observer];
    private static readonly Caller[] StaffOfA = [Caller.ControllerOfAll, Caller.ControllerOfA, Caller.Evaluator, Caller.Observer];
    private static readonly Caller[] AssessorsOfA = [Caller.ControllerOfAll, Caller.ControllerOfA, Caller.Evaluator];
    private static readonly Caller[] ReadersOfOwnOrg =
        [Caller.ControllerOfAll, Caller.ControllerOfA, Caller.ParticipantOwnOrg, Caller.Evaluator, Caller.Observer];

    public static readonly IReadOnlyDictionary<string, Caller[]> Allowed = new Dictionary<string, Caller[]>
    {
        ["GET /api"] = Everyone,
        ["GET /health/live"] = Everyone,
        ["GET /health/ready"] = Everyone,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["POST /api/auth/redeem"] = Signed,
        ["GET /api/auth/me"] = Signed,
        ["GET /api/scenarios/"] = Controllers,
        ["GET /api/scenarios/{id}"] = Controllers,
        ["POST /api/scenarios/validate"] = Controllers,
        ["POST /api/exercises/"] = [Caller.ControllerOfAll],
        ["GET /api/exercises/"] = Signed,
        ["GET /api/exercises/{id}"] = MembersOfA,
        ["GET /api/exercises/{id}/directory"] = MembersOfA,
        ["GET /api/exercises/{id}/events"] = MembersOfA,
        ["POST /api/exercises/{id}/speed"] = ControllersOfA,
        ["POST /api/exercises/{id}/start"] = ControllersOfA,
        ["POST /api/exercises/{id}/pause"] = ControllersOfA,
        ["POST /api/exercises/{id}/resume"] = ControllersOfA,
        ["POST /api/exercises/{id}/jump"] = ControllersOfA,
        ["POST /api/exercises/{id}/injects"] = ControllersOfA,
        ["GET /api/exercises/{id}/services"] = MembersOfA,
        ["POST /api/exercises/{id}/services/{serviceId}"] = ControllersOfA,
        ["POST /api/exercises/{id}/injects/{injectId}/release"] = ControllersOfA,
        ["POST /api/exercises/{id}/injects/{injectId}/cancel"] = ControllersOfA,
        ["POST /api/exercises/{id}/halt"] = ControllersOfA,
        ["POST /api/exercises/{id}/lift-halt"] = ControllersOfA,
        ["POST /api/exercises/{id}/join-links"] = ControllersOfA,
        ["GET /api/exercises/{id}/join-links"] = ControllersOfA,
        ["GET /api/exercises/{id}/join-links.csv"] = ControllersOfA,
        ["GET /api/exercises/{id}/join-links.zip"] = ControllersOfA,
        ["POST /api/exercises/{id}/roster"] = ControllersOfA,
        ["DELETE /api/join-links/{linkId}"] = ControllersOfA,
        ["GET /api/exercises/{id}/organizations/{orgId}/"] = ReadersOfOwnOrg,
        ["POST /api/exercises/{id}/organizations/{orgId}/acknowledgements"] = [Caller.ParticipantOwnOrg],
        ["POST /api/exercises/{id}/organizations/{orgId}/decisions"] = [Caller.ParticipantOwnOrg],
        // Controllers speak for simulated organizations only; bank is played by its participants (403 for a controller).
        ["POST /api/exercises/{id}/organizations/{orgId}/messages"] = [Caller.ParticipantOwnOrg],
        ["POST /api/exercises/{id}/organizations/{orgId}/statements"] = [Caller.ParticipantOwnOrg],
        ["POST /api/exercises/{id}/organizations/{orgId}/reports"] = [Caller.ParticipantOwnOrg],
        ["GET /api/exercises/{id}/feed"] = MembersOfA,
        ["POST /api/exercises/{id}/feed"] = ControllersOfA,
        ["GET /api/exercises/{id}/simulated/inbox"] = ControllersOfA,
        ["POST /api/exercises/{id}/observations"] = [Caller.Evaluator],
        ["POST /api/exercises/{id}/task-ratings"] = [Caller.Evaluator],
        ["POST /api/exercises/{id}/organizations/{orgId}/hot-wash"] = [Caller.ParticipantOwnOrg],
        ["GET /api/exercises/{id}/hot-wash"] = MembersOfA,
        ["GET /api/exercises/{id}/presence"] = StaffOfA,
        ["POST /api/exercises/{id}/communication-checks/"] = ControllersOfA,
        ["GET /api/exercises/{id}/communication-checks/"] = StaffOfA,
        ["POST /api/exercises/{id}/communication-checks/{checkId}/close"] = ControllersOfA,
        ["POST /api/exercises/{id}/organizations/{orgId}/communication-checks/{checkId}/acknowledgement"] = [Caller.ParticipantOwnOrg],
        ["POST /api/exercises/{id}/organizations/{orgId}/communication-checks/{checkId}/pass-on"] = [Caller.ParticipantOwnOrg],
        // A participant reads the review once the exercise has ended (ReviewApiTests); here it has not, so only staff.
        ["GET /api/exercises/{id}/review/"] = StaffOfA,
        ["GET /api/exercises/{id}/review/timeline"] = StaffOfA,
        ["GET /api/exercises/{id}/review/replay"] = StaffOfA,
        ["GET /api/exercises/{id}/review/replay/organizations/{orgId}"] = StaffOfA,
        // The report reads as the review does (a participant once ended: ReportEndpointTests).
        ["GET /api/exercises/{id}/review/report"] = StaffOfA,
        ["GET /api/exercises/{id}/review/report.md"] = StaffOfA,
        ["GET /api/exercises/{id}/review/report.xlsx"] = StaffOfA,
        ["GET /api/exercises/{id}/review/report.csv"] = StaffOfA,
        ["GET /api/exercises/{id}/export.json"] = StaffOfA,
        ["POST /api/exercises/import"] = [Caller.ControllerOfAll],
        ["GET /api/exercises/{id}/corrective-actions/"] = StaffOfA,
        ["POST /api/exercises/{id}/corrective-actions/"] = AssessorsOfA,
        ["PUT /api/exercises/{id}/corrective-actions/{actionId}"] = AssessorsOfA,
        ["GET /api/exercises/{id}/corrective-actions/{actionId}/history"] = StaffOfA,
        ["GET /api/improvement/trends"] = Controllers,
        ["GET /api/cluster"] = Controllers,
        // Last: after it, commands meet an ended exercise (409), which is still "allowed".
        ["POST /api/exercises/{id}/end"] = ControllersOfA,
    };

    /// <summary>The console pages hold no secret (the API checks every call): anonymous, whatever their paths.</summary>
    public static bool IsConsolePage(string pattern) =>
        CiExercise.Server.Extensions.ConsoleExtensions.ConsolePaths.Any(p => pattern == p || pattern.StartsWith(p + "/", StringComparison.Ordinal));
}
