using CiExercise.Client.Hub;
using CiExercise.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Realtime;

/// <summary>
/// A hub call the server refuses (access, arguments, a rule of the exercise): the console gets "code: message"
/// like an HTTP problem's code and detail, and <see cref="HubRefusalFilter"/> logs it as a warning.
/// </summary>
public sealed class HubRefusal(string code, string reason)
    : HubException(HubErrors.Format(code, Cut(reason)))
{
    public string Code { get; } = code;

    public string Reason { get; } = Cut(reason);

    /// <summary>As long as a problem's detail may be: a refusal never sends a hostile argument back whole.</summary>
    private static string Cut(string reason) =>
        reason.Length <= Problems.ProblemWriter.MaxDetailLength ? reason : $"{reason[..Problems.ProblemWriter.MaxDetailLength]}…";
}
