using CiExercise.Contracts.Events.Payloads;
using CiExercise.Review.Model;

namespace CiExercise.Review.Report;

public sealed partial class ReportBuilder
{
    /// <summary>Each cascade: the root cause, what followed and when, and which restoring decisions came in time or too late.</summary>
    private ReportSection Cascades()
    {
        var cascades = _review.Cascades;
        var services = Table("cascades", _t["Cascades: what went down and what followed", "連鎖：停止したサービスと波及先"],
            [_t["Root service", "発端のサービス"], _t["Service", "サービス"], _t["Organization", "組織"], _t["State", "状態"],
             _t["Why", "原因"], _t["Scenario time", "シナリオ時刻"], _t["Back up at", "復旧時刻"]],
            cascades.SelectMany(c => c.Followed
                .Select(f => Row(c.ServiceId, ServiceName(f.ServiceId), OrganizationName(f.OrganizationId), ReportText.Name(f.Status),
                    _t[$"followed {ServiceName(f.BecauseOf)}", $"{ServiceName(f.BecauseOf)} に連鎖"], ReportText.Scenario(f.At), ReportText.Scenario(f.UpAt)))
                .Prepend(Row(c.ServiceId, ServiceName(c.ServiceId), OrganizationName(c.OrganizationId), ReportText.Name(c.Status), RootCause(c),
                    ReportText.Scenario(c.At), ReportText.Scenario(c.UpAt)))));
        var decisions = Table("cascade_restores", _t["Cascades: restoring decisions", "連鎖：復旧の判断"],
            [_t["Root service", "発端のサービス"], _t["Service restored", "復旧したサービス"], _t["Organization", "組織"], "seq",
             _t["Decided at", "判断時刻"], _t["Restored at", "復旧時刻"], _t["In time", "間に合った"], _t["Fell meanwhile", "その間に停止"]],
            cascades.SelectMany(c => c.Decisions.Select(d => Row(c.ServiceId, ServiceName(d.ServiceId),
                d.OrganizationId is { } by ? OrganizationName(by) : null, d.DecisionSeq, ReportText.Scenario(d.DecidedAt),
                ReportText.Scenario(d.RestoredAt), _t.YesNo(d.InTime), string.Join(' ', d.Fell.Select(ServiceName))))));
        var followed = cascades.Sum(c => c.Followed.Count);
        var inTime = cascades.Sum(c => c.Decisions.Count(d => d.InTime));
        var late = cascades.Sum(c => c.Decisions.Count(d => !d.InTime));
        return new ReportSection("cascades", _t["Services and cascades", "サービスと連鎖"],
            [_t[$"{cascades.Count} service outage(s) started by an inject or the control cell; {followed} dependent service(s) followed. "
                + $"{inTime} restoring decision(s) came in time, {late} too late.",
                $"インジェクトまたは統制側によるサービス停止 {cascades.Count} 件、波及した依存サービス {followed} 件。"
                + $"間に合った復旧判断 {inTime} 件、間に合わなかった復旧判断 {late} 件。"]],
            [services, decisions]);
    }

    private string RootCause(Cascade cascade) => cascade.Cause switch
    {
        ServiceCause.Inject => _t[$"inject {cascade.InjectId}", $"インジェクト {cascade.InjectId}"],
        ServiceCause.Controller => _t["set by the control cell", "統制側が設定"],
        _ => ReportText.Name(cascade.Cause),
    };

    private string ServiceName(string serviceId) =>
        _review.Scenario.FindService(serviceId) is { } service ? _t.Of(service.Name) : serviceId;
}
