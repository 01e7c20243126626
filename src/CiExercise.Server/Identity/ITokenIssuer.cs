namespace CiExercise.Server.Identity;

/// <summary>Signs the tokens of join links and sign-in links.</summary>
public interface ITokenIssuer
{
    /// <summary>A signed bearer token for the principal, valid for the given time.</summary>
    string Issue(ExercisePrincipal principal, TimeSpan lifetime);
}
