namespace CiExercise.Server.Identity;

/// <summary>Signs the tokens of join links and sign-in links.</summary>
public interface ITokenIssuer
{
    /// <summary>A signed bearer token for the principal, valid for the given time.</summary>
    string Issue(ExercisePrincipal principal, TimeSpan lifetime);

    /// <summary>
    /// A signed token valid from issuedAt to expiresAt: a stored join link is signed again with its own
    /// times when it is exported, so no token is ever kept.
    /// </summary>
    string Issue(ExercisePrincipal principal, DateTimeOffset issuedAt, DateTimeOffset expiresAt);
}
