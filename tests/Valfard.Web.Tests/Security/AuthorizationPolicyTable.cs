using Valfard.Web.Tests.Infrastructure;
using static Valfard.Domain.Common.Roles;

namespace Valfard.Web.Tests.Security;

/// <summary>
/// What each role may do, one line per action ("VERB Controller.Action"). The matrix test asks the running app and
/// compares; an action missing here fails the build of the matrix, and so does an entry naming no action.
/// <list type="bullet">
/// <item><c>Allow(roles)</c>: the route points at one of Demokommun's entities. The roles listed are let in, the others
/// are sent to access-denied, anonymous visitors to sign-in. A user of another organisation with an allowed role gets
/// 404: tenant isolation hides the entity.</item>
/// <item><c>OwnData(roles)</c>: a page of the signed-in user's own organisation (a list, a form for something new): the
/// other organisation's user gets the same answer as a Demokommun user, for their own data.</item>
/// <item><c>Anyone()</c>: public, anonymous included. <c>SignedIn()</c>: every signed-in user, whatever the role.</item>
/// <item><c>.Except(role, outcome)</c> / <c>.ExceptOther(role, outcome)</c>: a rule a service adds on top of the
/// attribute, in Demokommun or in Esimerkkilä.</item>
/// </list>
/// </summary>
public static class AuthorizationPolicyTable
{
    // Declared before the table: static fields are initialised in order.
    private static readonly Dictionary<string, Outcome> None = [];

    public static readonly IReadOnlyDictionary<string, Rule> Rules = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        // ---- account and language: public forms, or the user's own account
        ["GET Account.Login"] = Anyone(),
        ["POST Account.Login"] = Anyone(),
        ["POST Account.Logout"] = SignedIn(), // the matrix sends it from a session of its own: it ends the session
        ["GET Account.ForgotPassword"] = Anyone(),
        ["POST Account.ForgotPassword"] = Anyone(),
        ["GET Account.ResetPassword"] = Anyone(),
        ["POST Account.ResetPassword"] = Anyone(),
        ["GET Account.ChangePassword"] = SignedIn(),
        ["POST Account.ChangePassword"] = SignedIn(),
        ["GET Account.AccessDenied"] = Everyone(Outcome.Forbidden), // the access-denied page itself answers 403
        // The second sign-in step follows a right password in the same browser; without one it sends back to sign-in.
        ["GET Account.LoginWithTwoFactor"] = Everyone(Outcome.RedirectToLogin),
        ["POST Account.LoginWithTwoFactor"] = Everyone(Outcome.RedirectToLogin),
        ["GET Account.LoginWithRecoveryCode"] = Everyone(Outcome.RedirectToLogin),
        ["POST Account.LoginWithRecoveryCode"] = Everyone(Outcome.RedirectToLogin),
        // Each user's own two-factor sign-in (the matrix users have none: turning off and new codes answer with the page).
        ["GET TwoFactor.Index"] = SignedIn(),
        ["POST TwoFactor.Enable"] = SignedIn(),
        ["POST TwoFactor.Disable"] = SignedIn(),
        ["POST TwoFactor.RegenerateRecoveryCodes"] = SignedIn(),
        ["POST Language.Set"] = Anyone(),
        ["ANY Error.Status"] = Everyone(Outcome.NotFound), // /error/404 is the not-found page and answers 404
        ["GET Home.Index"] = Anyone(), // visitors get the welcome page

        // ---- public site: published reports for residents
        ["GET Public.Front"] = Anyone(),
        ["GET Public.Accessibility"] = Anyone(),
        ["GET Public.Privacy"] = Anyone(),
        ["GET Public.AccessibilityFeedback"] = Anyone(),
        ["POST Public.AccessibilityFeedback"] = Anyone(),
        ["GET Public.Organisation"] = Anyone(),
        ["GET Public.Report"] = Anyone(),
        ["GET Public.Feedback"] = Anyone(),
        ["POST Public.Feedback"] = Anyone(),
        ["GET Public.OpenDataFile"] = Anyone(),
        ["GET Public.Pdf"] = Anyone(),

        // ---- notifications: each user's own
        ["GET Notifications.Index"] = SignedIn(),
        ["POST Notifications.Open"] = SignedIn().Other(Outcome.NotFound), // another user's notification is not found
        ["POST Notifications.ReadAll"] = SignedIn(),
        ["GET Notifications.Settings"] = SignedIn(),
        ["POST Notifications.Settings"] = SignedIn(),

        // ---- reports
        ["GET Reports.Index"] = OwnData(Coordinator, Editor, CouncilMember, CouncilSecretary),
        ["GET Reports.Create"] = OwnData(Coordinator),
        ["POST Reports.Create"] = OwnData(Coordinator),
        ["GET Reports.Board"] = Allow(Coordinator, Editor),
        ["GET Reports.Audit"] = Allow(Coordinator),
        ["GET Reports.Assign"] = Allow(Coordinator),
        ["POST Reports.Assign"] = Allow(Coordinator),
        ["POST Reports.Remind"] = Allow(Coordinator),

        // ---- writing a section (the matrix editor's sector, education, owns the section)
        ["GET Sections.Edit"] = Allow(Coordinator, Editor),
        ["POST Sections.SaveText"] = Allow(Coordinator, Editor),
        ["POST Sections.AddIndicator"] = Allow(Coordinator, Editor),
        ["POST Sections.RemoveIndicator"] = Allow(Coordinator, Editor),
        ["POST Sections.ShowAssessments"] = Allow(Coordinator, Editor),
        ["POST Sections.CompareMembers"] = Allow(Coordinator, Editor),
        ["POST Sections.SummariseMembersGoals"] = Allow(Coordinator, Editor),
        ["POST Sections.LeaveEmpty"] = Allow(Coordinator, Editor),
        ["POST Sections.Retitle"] = Allow(Coordinator, Editor),
        ["POST Sections.SetStatus"] = Allow(Coordinator, Editor),
        ["GET Sections.History"] = Allow(Coordinator, Editor),
        ["POST Sections.Restore"] = Allow(Coordinator, Editor),

        // ---- comments: the welfare group, and council members while the council reads
        ["POST Comments.Add"] = Allow(Coordinator, Editor, CouncilMember),
        ["POST Comments.Resolve"] = Allow(Coordinator, Editor, CouncilMember),
        ["POST Comments.Reopen"] = Allow(Coordinator, Editor, CouncilMember),

        // ---- observations (joys and concerns) and linked plans
        ["GET Observations.Index"] = Allow(Coordinator, Editor),
        ["GET LanguageStatus.Index"] = Allow(Coordinator, Editor),
        ["POST Observations.Create"] = Allow(Coordinator, Editor),
        ["GET Observations.Edit"] = Allow(Coordinator, Editor),
        ["POST Observations.Edit"] = Allow(Coordinator, Editor),
        ["GET Observations.ConfirmRemove"] = Allow(Coordinator, Editor),
        ["POST Observations.Remove"] = Allow(Coordinator, Editor),
        ["GET Evidence.Propose"] = OwnData(Coordinator, Editor), // only a redirect to the chosen report's accept form
        ["GET Evidence.Accept"] = Allow(Coordinator, Editor),
        ["POST Evidence.Accept"] = Allow(Coordinator, Editor),
        ["POST Evidence.Reject"] = Allow(Coordinator, Editor),
        ["POST Evidence.Link"] = Allow(Coordinator, Editor),
        ["GET LinkedPlans.Index"] = Allow(Coordinator, Editor),
        ["POST LinkedPlans.AddLink"] = Allow(Coordinator, Editor),
        ["POST LinkedPlans.Upload"] = Allow(Coordinator, Editor),
        ["GET LinkedPlans.Download"] = Allow(Coordinator, Editor),
        ["GET LinkedPlans.ConfirmRemove"] = Allow(Coordinator, Editor),
        ["POST LinkedPlans.Remove"] = Allow(Coordinator, Editor),

        // ---- the report as a document and its workflow (move = Publish: coordinator or council secretary)
        ["GET Workflow.Read"] = Allow(Coordinator, Editor, CouncilMember, CouncilSecretary),
        ["GET Workflow.Confirm"] = Allow(Coordinator, CouncilSecretary),
        ["POST Workflow.Confirm"] = Allow(Coordinator, CouncilSecretary),
        ["GET Documents.Pdf"] = Allow(Coordinator, Editor, CouncilMember, CouncilSecretary),
        // A kept board or council copy the matrix's report does not have: the allowed roles get 404.
        ["GET Documents.Submitted"] = Allow(Coordinator, Editor, CouncilMember, CouncilSecretary).Except(Coordinator, Outcome.NotFound)
            .Except(Editor, Outcome.NotFound).Except(CouncilMember, Outcome.NotFound).Except(CouncilSecretary, Outcome.NotFound),

        // ---- the organisation's report template
        ["GET Template.Index"] = OwnData(Coordinator),
        ["GET Template.Edit"] = Allow(Coordinator),
        ["POST Template.Edit"] = Allow(Coordinator),
        ["POST Template.Add"] = OwnData(Coordinator),
        ["POST Template.Up"] = Allow(Coordinator),
        ["POST Template.Down"] = Allow(Coordinator),
        ["GET Template.ConfirmRemove"] = Allow(Coordinator),
        ["POST Template.Remove"] = Allow(Coordinator),

        // ---- indicators: the Sotkanet catalogue is shared by all organisations; local indicators and sets are the organisation's
        ["GET Indicators.Index"] = OwnData(Coordinator, Editor, SystemAdmin),
        ["GET Indicators.Show"] = OwnData(Coordinator, Editor, SystemAdmin),
        ["GET Indicators.Xlsx"] = OwnData(Coordinator, Editor, SystemAdmin),
        ["GET Indicators.Csv"] = OwnData(Coordinator, Editor, SystemAdmin),
        // The catalogue is the installation's (ADR 0018): only the system admin changes it, from any organisation; a
        // coordinator tells the admins instead (the matrix posts an empty message, which is refused with a message).
        ["POST Indicators.Direction"] = OwnData(SystemAdmin),
        ["POST Indicators.TellAdmins"] = OwnData(Coordinator),
        ["GET Indicators.Changes"] = OwnData(SystemAdmin),
        // The set is a form field: without one the answer is the catalogue again with "choose a set"; another
        // organisation's set is not found (CatalogueSearchTests).
        ["POST Indicators.AddToSet"] = OwnData(Coordinator),
        // The matrix's indicator has values, so no live fetch starts: the answer is the indicator page.
        ["POST Indicators.FetchNow"] = OwnData(Coordinator, SystemAdmin),
        ["GET Peers.Index"] = OwnData(Coordinator, Editor),
        ["GET Overview.Index"] = OwnData(Coordinator, Editor),
        ["GET Overview.Csv"] = OwnData(Coordinator, Editor),
        ["GET Overview.Xlsx"] = OwnData(Coordinator, Editor),
        ["POST Peers.Choose"] = OwnData(Coordinator),
        ["POST Peers.AcceptSuggestion"] = OwnData(Coordinator),
        ["GET LocalIndicators.Index"] = OwnData(Coordinator, Editor, SystemAdmin),
        ["POST LocalIndicators.Create"] = OwnData(Coordinator),
        ["GET LocalIndicators.Show"] = Allow(Coordinator, Editor, SystemAdmin),
        ["POST LocalIndicators.Record"] = Allow(Coordinator, Editor),
        ["POST LocalIndicators.Remove"] = Allow(Coordinator, Editor),
        // The districts own indicators can be entered for: editors read the list, the coordinator keeps it.
        ["GET Districts.Index"] = OwnData(Coordinator, Editor),
        ["POST Districts.Create"] = OwnData(Coordinator),
        ["POST Districts.Rename"] = Allow(Coordinator),
        ["GET Districts.ConfirmRemove"] = Allow(Coordinator),
        ["POST Districts.Remove"] = Allow(Coordinator),
        ["GET IndicatorSets.Index"] = OwnData(Coordinator, Editor, SystemAdmin),
        ["POST IndicatorSets.Create"] = OwnData(Coordinator),
        ["POST IndicatorSets.Add"] = Allow(Coordinator),
        ["POST IndicatorSets.Remove"] = Allow(Coordinator),
        ["GET IndicatorImports.Index"] = OwnData(SystemAdmin),
        ["POST IndicatorImports.FromFile"] = OwnData(SystemAdmin),
        ["POST IndicatorImports.FromSotkanet"] = OwnData(SystemAdmin),
        // A coordinator follows the live fetch they started; a run is its starter's, another user's is not found.
        ["GET IndicatorImports.Progress"] = Allow(Coordinator, SystemAdmin),
        ["GET IndicatorImports.Status"] = Allow(Coordinator, SystemAdmin),
        // National standard sets: the installation's, so the system admin of any organisation changes them; a
        // coordinator copies one into the own organisation's sets and marks the own organisation's left-out indicators.
        ["GET StandardSets.Index"] = OwnData(SystemAdmin),
        ["POST StandardSets.Create"] = OwnData(SystemAdmin),
        ["GET StandardSets.Edit"] = OwnData(SystemAdmin),
        ["POST StandardSets.Edit"] = OwnData(SystemAdmin),
        ["POST StandardSets.LoadIds"] = OwnData(SystemAdmin),
        ["POST StandardSets.LoadGroup"] = OwnData(SystemAdmin),
        ["POST StandardSets.Copy"] = OwnData(Coordinator),
        ["POST StandardSets.LeaveOut"] = OwnData(Coordinator),
        ["POST StandardSets.UndoLeaveOut"] = OwnData(Coordinator),
        // Last: the other organisation's admin removes from (and deletes) the matrix's own set, not a fresh one.
        ["POST StandardSets.RemoveMember"] = OwnData(SystemAdmin),
        ["GET StandardSets.ConfirmDelete"] = OwnData(SystemAdmin),
        ["POST StandardSets.Delete"] = OwnData(SystemAdmin),

        // ---- the welfare plan: everyone reads, the coordinator and the organisation admin build it
        ["GET Plan.Index"] = SignedIn(),
        ["POST Plan.Create"] = OwnData(Coordinator, OrganisationAdmin),
        ["GET Plan.Mine"] = SignedIn(),
        ["GET Goals.NewGoal"] = OwnData(Coordinator, OrganisationAdmin).Other(Outcome.NotFound), // Esimerkkilä has no plan yet
        ["POST Goals.NewGoal"] = OwnData(Coordinator, OrganisationAdmin).Other(Outcome.NotFound),
        ["GET Goals.EditGoal"] = Allow(Coordinator, OrganisationAdmin),
        ["POST Goals.EditGoal"] = Allow(Coordinator, OrganisationAdmin),
        ["GET Goals.ConfirmRemoveGoal"] = Allow(Coordinator, OrganisationAdmin),
        ["POST Goals.RemoveGoal"] = Allow(Coordinator, OrganisationAdmin),
        ["GET Measures.Measure"] = SignedIn().Other(Outcome.NotFound),
        ["GET Measures.NewMeasure"] = OwnData(Coordinator, OrganisationAdmin).Other(Outcome.NotFound),
        ["POST Measures.NewMeasure"] = OwnData(Coordinator, OrganisationAdmin),
        ["GET Measures.EditMeasure"] = Allow(Coordinator, OrganisationAdmin),
        ["POST Measures.EditMeasure"] = Allow(Coordinator, OrganisationAdmin),
        ["GET Measures.ConfirmRemoveMeasure"] = Allow(Coordinator, OrganisationAdmin),
        ["POST Measures.RemoveMeasure"] = Allow(Coordinator, OrganisationAdmin),
        ["GET FollowUpIndicators.NewIndicator"] = Allow(Coordinator, OrganisationAdmin), // ?goalId= one of Demokommun's goals
        ["POST FollowUpIndicators.NewIndicator"] = Allow(Coordinator, OrganisationAdmin),
        ["POST FollowUpIndicators.RemoveIndicator"] = Allow(Coordinator, OrganisationAdmin),
        ["GET PlanCsv.Export"] = SignedIn().Other(Outcome.NotFound), // the own organisation's plan; Esimerkkilä has none
        ["GET PlanCsv.Import"] = OwnData(Coordinator, OrganisationAdmin),
        ["POST PlanCsv.Import"] = OwnData(Coordinator, OrganisationAdmin).Other(Outcome.NotFound),

        // ---- impact assessments in advance: editors and coordinators write them, the coordinator keeps the areas. The
        // matrix's posts carry no version, so every state change answers "changed meanwhile" and changes nothing.
        ["GET Assessments.Index"] = OwnData(Coordinator, Editor),
        ["GET Assessments.Start"] = OwnData(Coordinator, Editor),
        ["POST Assessments.Start"] = OwnData(Coordinator, Editor),
        ["GET Assessments.Assessment"] = Allow(Coordinator, Editor),
        ["GET Assessments.Edit"] = Allow(Coordinator, Editor),
        ["POST Assessments.Edit"] = Allow(Coordinator, Editor),
        ["GET Assessments.NewAlternative"] = Allow(Coordinator, Editor),
        ["POST Assessments.NewAlternative"] = Allow(Coordinator, Editor),
        ["GET Assessments.EditAlternative"] = Allow(Coordinator, Editor),
        ["POST Assessments.EditAlternative"] = Allow(Coordinator, Editor),
        ["GET Assessments.ConfirmRemoveAlternative"] = Allow(Coordinator, Editor),
        ["POST Assessments.RemoveAlternative"] = Allow(Coordinator, Editor),
        ["GET Assessments.Impact"] = Allow(Coordinator, Editor),
        ["POST Assessments.Impact"] = Allow(Coordinator, Editor),
        ["GET Assessments.Conclusion"] = Allow(Coordinator, Editor),
        ["POST Assessments.Conclusion"] = Allow(Coordinator, Editor),
        ["GET Assessments.Confirm"] = Allow(Coordinator, Editor),
        ["POST Assessments.Complete"] = Allow(Coordinator, Editor),
        ["POST Assessments.Reopen"] = Allow(Coordinator, Editor),
        ["POST Assessments.Publish"] = Allow(Coordinator, Editor),
        ["POST Assessments.Unpublish"] = Allow(Coordinator, Editor),
        ["POST Assessments.Remove"] = Allow(Coordinator, Editor),
        ["GET Assessments.Decide"] = Allow(Coordinator, Editor),
        ["POST Assessments.Decide"] = Allow(Coordinator, Editor),
        ["GET Assessments.Print"] = Allow(Coordinator, Editor),
        ["GET Assessments.Pdf"] = Allow(Coordinator, Editor),
        // The demo's decided assessment was decided before archiving existed: it has no archived PDF.
        ["GET Assessments.Archived"] = Allow(Coordinator, Editor).Except(Coordinator, Outcome.NotFound).Except(Editor, Outcome.NotFound),
        ["GET AssessmentAreas.Index"] = OwnData(Coordinator),
        ["GET AssessmentAreas.New"] = OwnData(Coordinator),
        ["POST AssessmentAreas.New"] = OwnData(Coordinator),
        ["GET AssessmentAreas.Edit"] = Allow(Coordinator),
        ["POST AssessmentAreas.Edit"] = Allow(Coordinator),
        ["POST AssessmentAreas.Retire"] = Allow(Coordinator),
        ["POST AssessmentAreas.Restore"] = Allow(Coordinator),
        ["POST AssessmentAreas.Move"] = Allow(Coordinator),
        ["GET PublicAssessments.Index"] = Anyone(),
        ["GET PublicAssessments.Assessment"] = Anyone(), // Demokommun's published school network assessment
        ["GET PublicAssessments.Pdf"] = Everyone(Outcome.NotFound), // published, but decided before PDFs were archived

        // ---- the plan's yearly follow-up (year 2025 is Demokommun's round)
        ["GET FollowUp.Index"] = SignedIn(),
        ["POST FollowUp.Open"] = OwnData(Coordinator, OrganisationAdmin).Other(Outcome.NotFound), // no plan in Esimerkkilä
        ["GET FollowUp.Round"] = SignedIn().Other(Outcome.NotFound),
        // Recording is open to every signed-in user by the attribute; the service lets in managers, the measure's owner and
        // editors of its sector, after finding the measure: in another organisation it is not found, whatever the role.
        ["GET FollowUp.Record"] = Allow(Coordinator, OrganisationAdmin, Editor).CheckedByService(),
        ["POST FollowUp.Record"] = Allow(Coordinator, OrganisationAdmin, Editor).CheckedByService(),
        ["GET FollowUp.Override"] = Allow(Coordinator, OrganisationAdmin),
        ["POST FollowUp.Override"] = Allow(Coordinator, OrganisationAdmin),
        ["POST FollowUp.ClearOverride"] = Allow(Coordinator, OrganisationAdmin),
        ["POST FollowUp.AnnualReport"] = Allow(Coordinator, OrganisationAdmin),
        ["POST FollowUp.Close"] = Allow(Coordinator, OrganisationAdmin), // Close and Reopen run one after the other
        ["POST FollowUp.Reopen"] = Allow(Coordinator, OrganisationAdmin),

        // ---- residents' feedback inbox
        // ---- yearly negotiations: the county's and the member municipality's coordinators. The matrix's own side is
        // Demokommun (the member): the county's moves (scheduling, held, approval) answer it 404, as they do anyone
        // not of the county; Esimerkkilä, another member of the same county, gets 404 for Demokommun's negotiation.
        ["GET Negotiations.Index"] = OwnData(Coordinator),
        ["GET Negotiations.Schedule"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["POST Negotiations.Schedule"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["GET Negotiations.Reschedule"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["POST Negotiations.Reschedule"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["GET Negotiations.Negotiation"] = Allow(Coordinator),
        ["GET Negotiations.NewItem"] = Allow(Coordinator),
        ["POST Negotiations.NewItem"] = Allow(Coordinator),
        ["GET Negotiations.EditItem"] = Allow(Coordinator),
        ["POST Negotiations.EditItem"] = Allow(Coordinator),
        ["POST Negotiations.MoveItemUp"] = Allow(Coordinator),
        ["POST Negotiations.MoveItemDown"] = Allow(Coordinator),
        ["GET Negotiations.ConfirmRemoveItem"] = Allow(Coordinator),
        ["POST Negotiations.RemoveItem"] = Allow(Coordinator),
        ["GET Negotiations.Suggestions"] = Allow(Coordinator),
        ["POST Negotiations.AddSuggestion"] = Allow(Coordinator),
        ["GET Negotiations.Confirm"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["POST Negotiations.MarkHeld"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["POST Negotiations.Approve"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["POST Negotiations.Summary"] = Allow(Coordinator),
        ["POST Negotiations.AddParticipant"] = Allow(Coordinator),
        ["POST Negotiations.RemoveParticipant"] = Allow(Coordinator),
        ["GET Negotiations.NewAgreement"] = Allow(Coordinator),
        ["POST Negotiations.NewAgreement"] = Allow(Coordinator),
        ["GET Negotiations.EditAgreement"] = Allow(Coordinator),
        ["POST Negotiations.EditAgreement"] = Allow(Coordinator),
        ["GET Negotiations.ConfirmRemoveAgreement"] = Allow(Coordinator),
        ["POST Negotiations.RemoveAgreement"] = Allow(Coordinator),
        ["POST Negotiations.AddToPlan"] = Allow(Coordinator),
        ["POST Negotiations.FollowUp"] = Allow(Coordinator),
        ["GET Negotiations.Print"] = Allow(Coordinator),
        ["GET Negotiations.Pdf"] = Allow(Coordinator),

        // ---- the county's side: the matrix's organisations are municipalities, so every county page answers their
        // allowed roles 404 (CountyAccess), and a member's support request the matrix does not have answers 404 too.
        ["GET County.Index"] = OwnData(Coordinator, Editor).Except(Coordinator, Outcome.NotFound).Except(Editor, Outcome.NotFound)
            .ExceptOther(Coordinator, Outcome.NotFound).ExceptOther(Editor, Outcome.NotFound),
        ["GET County.Delivered"] = Allow(Coordinator, Editor).Except(Coordinator, Outcome.NotFound).Except(Editor, Outcome.NotFound),
        ["GET County.Pdf"] = Allow(Coordinator, Editor).Except(Coordinator, Outcome.NotFound).Except(Editor, Outcome.NotFound),
        ["GET County.Plan"] = Allow(Coordinator, Editor).Except(Coordinator, Outcome.NotFound).Except(Editor, Outcome.NotFound),
        ["GET County.Support"] = OwnData(Coordinator, Editor).Except(Coordinator, Outcome.NotFound).Except(Editor, Outcome.NotFound)
            .ExceptOther(Coordinator, Outcome.NotFound).ExceptOther(Editor, Outcome.NotFound),
        ["GET County.Answer"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["POST County.Answer"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["POST County.Close"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),
        ["GET Support.Index"] = OwnData(Coordinator),
        ["GET Support.New"] = OwnData(Coordinator),
        ["POST Support.New"] = OwnData(Coordinator),
        ["POST Support.Close"] = Allow(Coordinator).Except(Coordinator, Outcome.NotFound),

        ["GET Feedback.Index"] = OwnData(Coordinator),
        ["POST Feedback.Handle"] = Allow(Coordinator),

        // ---- administration
        ["GET Admin.Logo.Index"] = OwnData(OrganisationAdmin, Coordinator),
        ["GET Admin.Logo.Image"] = OwnData(OrganisationAdmin, Coordinator).Other(Outcome.NotFound), // the own logo; Esimerkkilä has none
        ["POST Admin.Logo.Upload"] = OwnData(OrganisationAdmin, Coordinator),
        ["POST Admin.Logo.Remove"] = OwnData(OrganisationAdmin, Coordinator),
        // The own organisation's settings (two-factor requirement); the matrix posts an empty form, which leaves it off.
        ["GET Admin.OrganisationSettings.Index"] = OwnData(OrganisationAdmin),
        ["POST Admin.OrganisationSettings.Save"] = OwnData(OrganisationAdmin),
        // Organisations are the installation's, not one tenant's: the system admin manages all of them from any organisation.
        // The backup holds every organisation's data: the system administrator only, whichever organisation they are in.
        ["GET Admin.Backup.Index"] = OwnData(SystemAdmin),
        ["GET Admin.IndicatorSync.Index"] = OwnData(SystemAdmin).ShowsWholeInstallation(), // national data: every run of the installation
        ["POST Admin.IndicatorSync.SyncNow"] = OwnData(SystemAdmin).ShowsWholeInstallation(),
        ["POST Admin.Backup.Download"] = OwnData(SystemAdmin).ShowsWholeInstallation(),
        ["GET Admin.Organisations.Index"] = OwnData(SystemAdmin),
        ["GET Admin.Organisations.Create"] = OwnData(SystemAdmin),
        ["POST Admin.Organisations.Create"] = OwnData(SystemAdmin),
        ["GET Admin.Organisations.Edit"] = OwnData(SystemAdmin),
        ["POST Admin.Organisations.Edit"] = OwnData(SystemAdmin),
        ["GET Admin.Organisations.InviteAdmin"] = OwnData(SystemAdmin),
        ["POST Admin.Organisations.InviteAdmin"] = OwnData(SystemAdmin),
        ["GET Admin.Sectors.Index"] = OwnData(OrganisationAdmin, SystemAdmin),
        ["GET Admin.Sectors.Create"] = OwnData(OrganisationAdmin, SystemAdmin),
        ["POST Admin.Sectors.Create"] = OwnData(OrganisationAdmin, SystemAdmin),
        ["GET Admin.Sectors.Edit"] = Allow(OrganisationAdmin, SystemAdmin),
        ["POST Admin.Sectors.Edit"] = Allow(OrganisationAdmin, SystemAdmin),
        ["GET Admin.Users.Index"] = OwnData(OrganisationAdmin, SystemAdmin),
        ["GET Admin.Users.Create"] = OwnData(OrganisationAdmin, SystemAdmin),
        ["POST Admin.Users.Create"] = OwnData(OrganisationAdmin, SystemAdmin),
        ["GET Admin.Users.Edit"] = Allow(OrganisationAdmin, SystemAdmin),
        ["POST Admin.Users.Edit"] = Allow(OrganisationAdmin, SystemAdmin),
        ["GET Admin.Users.ConfirmDeactivate"] = Allow(OrganisationAdmin, SystemAdmin),
        ["POST Admin.Users.Deactivate"] = Allow(OrganisationAdmin, SystemAdmin),
        ["POST Admin.Users.ResendInvitation"] = Allow(OrganisationAdmin, SystemAdmin),
        ["POST Admin.Users.Reactivate"] = Allow(OrganisationAdmin, SystemAdmin),
    };

    /// <summary>What one rule expects of one client.</summary>
    public sealed record Rule(Outcome AnonymousOutcome, IReadOnlySet<string> AllowedRoles, bool Scoped,
        IReadOnlyDictionary<string, Outcome> OwnExceptions, IReadOnlyDictionary<string, Outcome> OtherExceptions, Outcome? OtherForAllowed, Outcome? OtherForDenied = null,
        bool WholeInstallation = false)
    {
        /// <summary>The answer covers every organisation by design (the database backup), so it is not checked for leaks.</summary>
        public Rule ShowsWholeInstallation() => this with { WholeInstallation = true };

        public Rule Except(string role, Outcome outcome) =>
            this with { OwnExceptions = new Dictionary<string, Outcome>(OwnExceptions) { [role] = outcome } };

        public Rule ExceptOther(string role, Outcome outcome) =>
            this with { OtherExceptions = new Dictionary<string, Outcome>(OtherExceptions) { [role] = outcome } };

        /// <summary>The role check is the service's, after the entity is found: in the other organisation every role gets 404.</summary>
        public Rule CheckedByService() => this with { OtherForDenied = Outcome.NotFound };

        /// <summary>What an allowed role of the other organisation gets, when not the default of the rule's kind.</summary>
        public Rule Other(Outcome outcome) => this with { OtherForAllowed = outcome };

        public Outcome Expected(string? role, Tenant tenant)
        {
            if (role is null)
            {
                return AnonymousOutcome;
            }
            if (tenant == Tenant.Own && OwnExceptions.TryGetValue(role, out var own))
            {
                return own;
            }
            if (tenant == Tenant.Other && OtherExceptions.TryGetValue(role, out var other))
            {
                return other;
            }
            if (!AllowedRoles.Contains(role))
            {
                return tenant == Tenant.Other && OtherForDenied is { } denied ? denied : Outcome.Forbidden;
            }
            if (tenant == Tenant.Own)
            {
                return Outcome.Allowed;
            }
            return OtherForAllowed ?? (Scoped ? Outcome.NotFound : Outcome.Allowed);
        }
    }

    private static Rule Allow(params string[] roles) => new(Outcome.RedirectToLogin, roles.ToHashSet(), true, None, None, null);

    private static Rule OwnData(params string[] roles) => new(Outcome.RedirectToLogin, roles.ToHashSet(), false, None, None, null);

    private static Rule SignedIn() => new(Outcome.RedirectToLogin, All.ToHashSet(), false, None, None, null);

    private static Rule Anyone() => new(Outcome.Allowed, All.ToHashSet(), false, None, None, null);

    private static Rule Everyone(Outcome outcome)
    {
        var rule = new Rule(outcome, All.ToHashSet(), false, None, None, null);
        foreach (var role in All)
        {
            rule = rule.Except(role, outcome).ExceptOther(role, outcome);
        }
        return rule;
    }
}
