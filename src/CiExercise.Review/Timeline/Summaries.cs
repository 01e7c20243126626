using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Loading;

namespace CiExercise.Review.Timeline;

/// <summary>One line per event in Japanese and English: what happened, with its subject, choice or rating.</summary>
internal static class Summaries
{
    public const int MaxLength = 200;

    public static LocalizedText Of(ExerciseLog log, ExerciseEvent e)
    {
        var (ja, en) = Texts(log, e);
        return new LocalizedText(Cut(ja), Cut(en));
    }

    private static (string Ja, string En) Texts(ExerciseLog log, ExerciseEvent e)
    {
        var title = log.Inject(e.InjectId)?.Title;
        string Ja(LocalizedText? t) => t?.In("ja") ?? e.InjectId ?? "";
        string En(LocalizedText? t) => t?.In("en") ?? e.InjectId ?? "";
        switch (e.Kind)
        {
            case EventKind.ExerciseCreated: return ("演習作成", "Exercise created");
            case EventKind.ExerciseStarted: return Clock(e, "開始", "Started");
            case EventKind.ExercisePaused: return ("一時停止", "Paused");
            case EventKind.ExerciseResumed: return ("再開", "Resumed");
            case EventKind.SpeedChanged: return Clock(e, "速度変更", "Speed changed");
            case EventKind.ClockJumped:
                var to = Time(ReviewPayloads.Read<ClockPayload>(e).JumpedTo ?? TimeSpan.Zero);
                return ($"時刻を {to} へ進めた", $"Clock jumped to {to}");
            case EventKind.ExerciseEnded: return ("終了", "Ended");
            case EventKind.RealWorldHaltDeclared:
                var reason = ReviewPayloads.Read<ClockPayload>(e).Reason;
                return ($"実事案による中断: {reason}", $"Real-world halt: {reason}");
            case EventKind.RealWorldHaltLifted: return ("中断解除", "Halt lifted");
            case EventKind.InjectFired: return ($"インジェクト発出: {Ja(title)}", $"Inject fired: {En(title)}");
            case EventKind.AdHocInjectAdded:
                var adHoc = ReviewPayloads.Read<AdHocInjectAddedPayload>(e).Inject.Title;
                return ($"臨時インジェクト: {Ja(adHoc)}", $"Ad-hoc inject: {En(adHoc)}");
            case EventKind.ObservationRecorded:
                var observation = ReviewPayloads.Read<ObservationPayload>(e).Observation;
                var rating = observation.Rating is { } r ? $" [{r}]" : "";
                return ($"所見{rating}: {observation.Text}", $"Observation{rating}: {observation.Text}");
            case EventKind.FeedPosted:
                var post = ReviewPayloads.Read<FeedPostedPayload>(e).Post;
                return post.Kind == FeedKind.Statement
                    ? ($"報道発表 {post.OrganizationId}: {post.Headline}", $"Press statement by {post.OrganizationId}: {post.Headline}")
                    : ($"{post.Outlet}: {post.Headline}", $"{post.Outlet}: {post.Headline}");
            case EventKind.InjectDelivered: return ($"受信: {Ja(title)}", $"Received: {En(title)}");
            case EventKind.InjectAcknowledged: return ($"受領確認: {Ja(title)}", $"Acknowledged: {En(title)}");
            case EventKind.DecisionRecorded: return Decision(log, e, Ja(title), En(title));
            case EventKind.ReportSubmitted:
                var fields = ReviewPayloads.Read<ReportSubmittedPayload>(e).Answers.Count;
                return ($"報告 ({fields}項目): {Ja(title)}", $"Report ({fields} fields): {En(title)}");
            case EventKind.MessageSent:
                var sent = ReviewPayloads.Read<MessagePayload>(e);
                return ($"送信 → {string.Join(", ", sent.To)}: {sent.Subject}", $"Sent to {string.Join(", ", sent.To)}: {sent.Subject}");
            case EventKind.MessageReceived:
                var received = ReviewPayloads.Read<MessagePayload>(e);
                return ($"受信 ← {received.From}: {received.Subject}", $"From {received.From}: {received.Subject}");
            case EventKind.CommunicationCheckStarted: return ("通信確認開始", "Communication check started");
            case EventKind.CommunicationCheckClosed: return ("通信確認終了", "Communication check closed");
            case EventKind.CommunicationCheckReceived: return ("通信確認受信", "Communication check received");
            case EventKind.CommunicationCheckAcknowledged: return ("通信確認応答", "Communication check acknowledged");
            case EventKind.CommunicationCheckPassedOn: return ("通信確認転送", "Communication check passed on");
            case EventKind.TaskRated:
                var task = ReviewPayloads.Read<TaskRatedPayload>(e).Rating;
                return ($"評価 {task.ObjectiveId}/{task.TaskId}: {task.Rating}", $"Task {task.ObjectiveId}/{task.TaskId} rated {task.Rating}");
            case EventKind.ParticipantJoined:
                var role = ReviewPayloads.Read<ParticipantJoinedPayload>(e).Role;
                return ($"参加 ({role})", $"Joined as {role}");
            case EventKind.HotWashSubmitted:
                var answers = ReviewPayloads.Read<HotWashPayload>(e).Answers.Count;
                return ($"ホットウォッシュ回答 ({answers})", $"Hot-wash answers ({answers})");
            default: return (e.Kind.ToString(), e.Kind.ToString());
        }
    }

    private static (string, string) Clock(ExerciseEvent e, string ja, string en)
    {
        var speed = ReviewPayloads.Read<ClockPayload>(e).Speed;
        return ($"{ja} (×{speed:0.##})", $"{en} (×{speed:0.##})");
    }

    private static (string, string) Decision(ExerciseLog log, ExerciseEvent e, string ja, string en)
    {
        var action = ReviewPayloads.Read<ParticipantActionPayload>(e);
        var choice = log.Inject(e.InjectId)?.Choices.FirstOrDefault(c => c.Id == action.ChoiceId)?.Text;
        var severity = action.Severity is { } s ? $" (severity {s.Level})" : "";
        var severityJa = action.Severity is { } t ? $" (深刻度 {t.Level})" : "";
        var answerJa = choice?.In("ja") ?? action.ChoiceId ?? action.Text ?? "";
        var answerEn = choice?.In("en") ?? action.ChoiceId ?? action.Text ?? "";
        return ($"判断 {ja}: {answerJa}{severityJa}", $"Decision on {en}: {answerEn}{severity}");
    }

    /// <summary>Scenario time as hh:mm:ss, hours past 24 included.</summary>
    public static string Time(TimeSpan t) => $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}";

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}
