namespace Valfard.Domain.Common;

/// <summary>The roles of Valfard. Names are stored in the database and used in authorization policies.</summary>
public static class Roles
{
    public const string SystemAdmin = nameof(SystemAdmin);
    public const string OrganisationAdmin = nameof(OrganisationAdmin);
    public const string Coordinator = nameof(Coordinator);
    public const string Editor = nameof(Editor);
    public const string CouncilMember = nameof(CouncilMember);
    public const string CouncilSecretary = nameof(CouncilSecretary);

    public static IReadOnlyList<string> All { get; } =
        [SystemAdmin, OrganisationAdmin, Coordinator, Editor, CouncilMember, CouncilSecretary];

    /// <summary>Roles an organisation admin may hand out; SystemAdmin is reserved for system admins.</summary>
    public static IReadOnlyList<string> AssignableByOrganisationAdmin { get; } =
        [OrganisationAdmin, Coordinator, Editor, CouncilMember, CouncilSecretary];
}
