using CiExercise.Contracts.Events;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Organizations;

/// <summary>
/// Who speaks for an organization: its participants, in one of its roles; or, for what the control cell may do as
/// it (messages, press statements), a controller when the control cell plays it (simulated). The control cell's
/// organizations take no participant's action, and the organizations participants play take no controller's.
/// One rule for the organization grain and the feed.
/// </summary>
internal static class OrganizationVoice
{
    public static void Check(Organization organization, Actor actor, bool controllerAs)
    {
        if (actor.OrganizationId != organization.Id)
            throw Rules.Invalid("actor.wrong-organization", $"{actor.Id} acts for {actor.OrganizationId ?? "no organization"}, not for {organization.Id}.");
        if (actor.IsControllerAs)
        {
            if (!organization.Simulated)
                throw Rules.Invalid("organization.not-simulated",
                    $"{organization.Id} is played by its participants; the control cell speaks only for organizations marked simulated.");
            if (!controllerAs)
                throw Rules.Invalid("actor.controller-as",
                    $"The control cell sends messages and press statements as {organization.Id}; it does not take its other actions.");
        }
        else if (organization.Simulated)
            throw Rules.Invalid("organization.simulated", $"{organization.Id} is played by the control cell; participants do not act for it.");
        else if (!organization.Roles.Contains(actor.Role))
            throw Rules.Invalid("actor.unknown-role", $"{organization.Id} has no role '{actor.Role}'; its roles are {string.Join(", ", organization.Roles)}.");
        if (string.IsNullOrWhiteSpace(actor.Id))
            throw Rules.Invalid("actor.name-required", "A participant must give a name.");
    }
}
