namespace CiExercise.Contracts;

/// <summary>
/// The bound of every field a client sends, in one place: the server checks requests and hub calls against
/// these before anything reaches a grain, and the grains check the same numbers, so a field has one limit
/// wherever it is refused. One participant must not be able to cost the others memory, storage or log space.
/// </summary>
public static class Limits
{
    /// <summary>Exercise, organization, inject, choice, phase, objective, check and link ids (scenario ids are 1 to 64 characters).</summary>
    public const int IdLength = 64;

    /// <summary>A role of an organization (as the roster reads it).</summary>
    public const int RoleLength = 100;

    /// <summary>Exercise names and the names on join links.</summary>
    public const int NameLength = 200;

    /// <summary>A message's subject, an ad-hoc inject's title and sender, a choice's text (each language).</summary>
    public const int SubjectLength = 300;

    /// <summary>Decision texts, message bodies, observations, an ad-hoc inject's body and expected action (each language).</summary>
    public const int TextLength = 8000;

    /// <summary>The reason of a real-world halt, shown on every console.</summary>
    public const int HaltReasonLength = 1000;

    /// <summary>The message of a communication check.</summary>
    public const int CheckMessageLength = 1000;

    /// <summary>Organizations in a list (message recipients, inject recipients, an observation's organizations): a national exercise has about 850.</summary>
    public const int Organizations = 1000;

    /// <summary>Sectors or roles an inject is addressed to.</summary>
    public const int Sectors = 50;

    public const int Roles = 50;

    /// <summary>Choices of an ad-hoc inject.</summary>
    public const int Choices = 20;

    /// <summary>Objectives of an ad-hoc inject or an observation, and the injects an observation is about.</summary>
    public const int Objectives = 100;

    public const int Injects = 100;

    /// <summary>The event seqs a task rating cites as its evidence.</summary>
    public const int TaskEvidence = 50;

    /// <summary>Answers of one hot-wash form (a scenario has at most this many questions).</summary>
    public const int HotWashAnswers = 20;

    /// <summary>Answers of one report form (a form has at most this many fields).</summary>
    public const int FormFields = 100;

    /// <summary>Join links issued by one request (a roster import takes more).</summary>
    public const int JoinLinksPerRequest = 1000;

    /// <summary>An ad-hoc inject's response window: an exercise lasts days, not years.</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromDays(7);

    /// <summary>A JSON request body; the scenario and roster uploads have their own, larger limits.</summary>
    public const int JsonBodyBytes = 1024 * 1024;

    /// <summary>One hub message from a console: the longest call (an 8,000-character Japanese body, sent as \u escapes) with room to spare.</summary>
    public const int HubMessageBytes = 64 * 1024;

    /// <summary>All request headers together; a token is about 1 KB.</summary>
    public const int HeaderBytes = 32 * 1024;

    /// <summary>How much of a value an error message quotes: enough to recognise it, never the whole of a hostile one.</summary>
    public const int QuotedLength = 80;

    /// <summary>A value as an error message quotes it, cut to <see cref="QuotedLength"/> characters.</summary>
    public static string Quote(string? value) =>
        value is null ? "" : value.Length <= QuotedLength ? value : $"{value[..QuotedLength]}… ({value.Length} characters)";
}
