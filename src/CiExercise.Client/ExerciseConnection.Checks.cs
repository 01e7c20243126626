using CiExercise.Client.Hub;
using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Presence;
using Microsoft.AspNetCore.SignalR.Client;

namespace CiExercise.Client;

/// <summary>Presence (pushed to staff, or asked for) and communication checks.</summary>
public sealed partial class ExerciseConnection
{
    /// <summary>Raised with each presence snapshot the server pushes to a staff console.</summary>
    public event Action<PresenceView>? PresenceChanged;

    public Task<PresenceView> GetPresence(string exerciseId) =>
        Call(() => _hub.InvokeAsync<PresenceView>(nameof(IExerciseHub.GetPresence), exerciseId));

    public Task<CheckStarted> StartCommunicationCheck(string exerciseId, CheckRoute route, string message, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<CheckStarted>(nameof(IExerciseHub.StartCommunicationCheck), exerciseId, route, message, KeyOf(clientActionId)));

    public Task<ActionReceipt> CloseCommunicationCheck(string exerciseId, string checkId, string? clientActionId = null) =>
        Call(() => _hub.InvokeAsync<ActionReceipt>(nameof(IExerciseHub.CloseCommunicationCheck), exerciseId, checkId, KeyOf(clientActionId)));

    public Task<ActionReceipt> AcknowledgeCheck(string exerciseId, string checkId, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<ActionReceipt>(nameof(IExerciseHub.AcknowledgeCheck), exerciseId, checkId, KeyOf(clientActionId)));

    public Task<ActionReceipt> PassOnCheck(string exerciseId, string checkId, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<ActionReceipt>(nameof(IExerciseHub.PassOnCheck), exerciseId, checkId, KeyOf(clientActionId)));

    private void OnPresence(PresenceView presence) => PresenceChanged?.Invoke(presence);
}
