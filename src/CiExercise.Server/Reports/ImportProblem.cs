namespace CiExercise.Server.Reports;

/// <summary>Why an import was refused, with a stable code; nothing was written.</summary>
internal sealed class ImportProblem(string code, string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = status;
}
