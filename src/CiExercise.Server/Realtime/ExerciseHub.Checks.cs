using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Presence;
using CiExercise.Server.Identity;
using CiExercise.Server.Requests;

namespace CiExercise.Server.Realtime;

/// <summary>Presence (staff) and communication checks (controllers start and close, participants answer).</summary>
public sealed partial class ExerciseHub
{
    public async Task<PresenceView> GetPresence(string exerciseId)
    {
        var principal = await RequireAsync(exerciseId);
        if (!principal.IsStaff) throw Deny(principal, exerciseId, "see who is connected");
        return (await presence.ReadAsync(exerciseId, Context.ConnectionAborted))!;
    }

    public async Task<CheckStarted> StartCommunicationCheck(string exerciseId, CheckRoute route, string message, string? clientActionId)
    {
        var actor = await ControllerAsync(exerciseId, "start a communication check");
        Check(ActionChecks.CommunicationCheck(route, message));
        return await grains.GetGrain<IExerciseGrain>(exerciseId).StartCommunicationCheck(actor, route, message, clientActionId);
    }

    public async Task<ActionReceipt> CloseCommunicationCheck(string exerciseId, string checkId, string? clientActionId)
    {
        var actor = await ControllerAsync(exerciseId, "close a communication check");
        Check(ActionChecks.CheckAnswer(checkId));
        return await grains.GetGrain<IExerciseGrain>(exerciseId).CloseCommunicationCheck(actor, checkId, clientActionId);
    }

    public async Task<ActionReceipt> AcknowledgeCheck(string exerciseId, string checkId, string? clientActionId)
    {
        var (grain, actor) = await ParticipantAsync(exerciseId, "acknowledge a communication check");
        Check(ActionChecks.CheckAnswer(checkId));
        return await grain.AcknowledgeCheck(actor, checkId, clientActionId);
    }

    public async Task<ActionReceipt> PassOnCheck(string exerciseId, string checkId, string? clientActionId)
    {
        var (grain, actor) = await ParticipantAsync(exerciseId, "pass on a communication check");
        Check(ActionChecks.CheckAnswer(checkId));
        return await grain.PassOnCheck(actor, checkId, clientActionId);
    }

    private async Task<Contracts.Events.Actor> ControllerAsync(string exerciseId, string what)
    {
        var principal = await RequireAsync(exerciseId);
        if (principal.Kind != PrincipalKind.Controller) throw Deny(principal, exerciseId, what);
        return principal.ToActor();
    }
}
