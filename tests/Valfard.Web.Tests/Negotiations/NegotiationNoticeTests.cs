using System.Net;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Negotiations;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Negotiations;

/// <summary>
/// Issue 18 §4 leftovers: the other side's coordinators are notified when the county schedules, changes or approves a
/// negotiation and when the municipality adds an agenda item; an approved record stays as it is, its forms lead back to
/// it; a form's errors are listed in the summary at its top.
/// </summary>
public sealed class NegotiationNoticeTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<Negotiation> LoadAsync(Guid id) => _factory.QueryAsync(db => db.Negotiations.IgnoreQueryFilters().AsNoTracking()
        .Include(n => n.Agenda).SingleAsync(n => n.Id == id));

    private async Task<string> VersionAsync(Guid id) => (await LoadAsync(id)).Version.ToString();

    private async Task<List<(string Kind, string Text, string Link)>> NoticesAsync(string email)
    {
        var user = await _factory.UserAsync(email);
        var rows = await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.UserId == user.Id && n.Kind.StartsWith("Notification.Negotiation.")).ToListAsync());
        return rows.Select(n => (n.Kind, n.Text, n.Link)).ToList();
    }

    [Fact]
    public async Task Each_side_hears_of_the_others_moves_and_an_approved_record_stays_as_it_is()
    {
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");
        using var municipality = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");

        var scheduled = await county.PostFormAsync("/negotiations/new", "/negotiations/new", ("MunicipalityId", DemoSeeder.DemokommunId.ToString()),
            ("Year", "2027"), ("MeetingDate", "2027-10-12"), ("Place", "Virastotalo"), ("IsOnline", "false"));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var id = Guid.Parse(scheduled.Headers.Location!.OriginalString.Split('/', '#')[2]);
        var link = $"/negotiations/{id}";
        Assert.Equal([("Notification.Negotiation.Scheduled", "Demokunta 2027: 12.10.2027, Virastotalo", link)], await NoticesAsync("coordinator@demo.test"));

        await county.PostFormAsync($"/negotiations/{id}/schedule", $"/negotiations/{id}/schedule", ("Version", await VersionAsync(id)),
            ("MunicipalityId", DemoSeeder.DemokommunId.ToString()), ("Year", "2027"), ("MeetingDate", "2027-10-19"), ("Place", ""), ("IsOnline", "true"));
        Assert.Contains(("Notification.Negotiation.Rescheduled", "Demokunta 2027: 19.10.2027", link), await NoticesAsync("coordinator@demo.test"));

        // The municipality's new item is news to the county; the county's own item tells the municipality nothing new.
        await municipality.PostFormAsync($"/negotiations/{id}/items/new", $"/negotiations/{id}/items/new", ("Version", await VersionAsync(id)),
            ("Title", "Nuorisotalon tilat"), ("Details", ""), ("Link", ""));
        await county.PostFormAsync($"/negotiations/{id}/items/new", $"/negotiations/{id}/items/new", ("Version", await VersionAsync(id)),
            ("Title", "Alueen strategia"), ("Details", ""), ("Link", ""));
        Assert.Equal(2, (await LoadAsync(id)).Agenda.Count);
        Assert.Equal([("Notification.Negotiation.ItemAdded", "Demokunta 2027: Nuorisotalon tilat", link)], await NoticesAsync("county@demo.test"));
        Assert.Equal(2, (await NoticesAsync("coordinator@demo.test")).Count);
        Assert.Contains("Kunta lisäsi asian neuvottelun esityslistalle:", WebUtility.HtmlDecode(await county.GetHtmlAsync("/notifications")));

        await county.PostFormAsync(link, $"{link}/held", ("version", await VersionAsync(id)));
        await county.PostFormAsync(link, $"{link}/participants", ("version", await VersionAsync(id)), ("name", "Helmi Hyvinvointialue"), ("side", "County"), ("role", ""));
        await county.PostFormAsync(link, $"{link}/participants", ("version", await VersionAsync(id)), ("name", "Kaisa Koordinaattori"), ("side", "Municipality"), ("role", ""));
        await county.PostFormAsync($"{link}/agreements/new", $"{link}/agreements/new", ("Version", await VersionAsync(id)),
            ("Kind", "Task"), ("TitleFi", "Nuorisotalon tilat selvitetään"), ("TitleSv", ""), ("Responsible", "Kunta"), ("DueDate", ""));
        await county.PostFormAsync(link, $"{link}/approve", ("version", await VersionAsync(id)));
        Assert.Equal(NegotiationStatus.Approved, (await LoadAsync(id)).Status);
        Assert.Contains(("Notification.Negotiation.Approved", "Demokunta 2027", link), await NoticesAsync("coordinator@demo.test"));

        // Approved: the forms lead back to the record with the reason, and a stale post changes nothing.
        foreach (var form in new[] { $"{link}/items/new", $"{link}/agreements/new", $"{link}/schedule" })
        {
            var answer = await county.Client.GetAsync(form);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal(link, answer.Headers.Location!.OriginalString);
        }
        Assert.Contains("Muistio on hyväksytty, eikä sitä voi enää muuttaa.", WebUtility.HtmlDecode(await municipality.GetHtmlAsync(
            (await municipality.Client.GetAsync($"{link}/items/new")).Headers.Location!.OriginalString)));
        var before = await LoadAsync(id);
        var reschedule = await county.PostFormAsync(link, $"{link}/schedule", ("Version", before.Version.ToString()),
            ("MunicipalityId", DemoSeeder.DemokommunId.ToString()), ("Year", "2027"), ("MeetingDate", "2027-11-02"), ("Place", "Muualla"), ("IsOnline", "false"));
        Assert.Contains("Muistio on hyväksytty, eikä sitä voi enää muuttaa.", WebUtility.HtmlDecode(await reschedule.Content.ReadAsStringAsync()));
        await municipality.PostFormAsync(link, $"{link}/items/new", ("Version", before.Version.ToString()), ("Title", "Myöhästynyt asia"), ("Details", ""), ("Link", ""));
        var after = await LoadAsync(id);
        Assert.Equal((NegotiationStatus.Approved, new DateOnly(2027, 10, 19), 2), (after.Status, after.MeetingDate, after.Agenda.Count));
        Assert.Equal(3, (await NoticesAsync("coordinator@demo.test")).Count);
    }

    [Fact]
    public async Task The_forms_list_their_errors_in_the_summary_at_the_top()
    {
        using var county = await Browser.SignedInAsync(_factory, "county@demo.test", "fi");
        var response = await county.PostFormAsync("/negotiations/new", "/negotiations/new", ("MunicipalityId", DemoSeeder.DemokommunId.ToString()),
            ("Year", "2027"), ("MeetingDate", ""), ("Place", new string('x', NegotiationLimits.PlaceMaxLength + 1)), ("IsOnline", "false"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var summary = html.Split("validation-summary-errors")[1].Split("</div>")[0];
        Assert.Contains("Neuvottelupäivä: tieto puuttuu.", summary);
        Assert.Equal(2, summary.Split("<li>").Length - 1);
        // The summary comes before the first field.
        Assert.True(html.IndexOf("validation-summary-errors", StringComparison.Ordinal) < html.IndexOf("id=\"MeetingDate\"", StringComparison.Ordinal));
        Assert.Equal(0, await _factory.QueryAsync(db => db.Negotiations.IgnoreQueryFilters().CountAsync(n => n.Year == 2027)));

        var scheduled = await county.PostFormAsync("/negotiations/new", "/negotiations/new", ("MunicipalityId", DemoSeeder.DemokommunId.ToString()),
            ("Year", "2027"), ("MeetingDate", "2027-10-12"), ("Place", "Virastotalo"), ("IsOnline", "false"));
        var id = Guid.Parse(scheduled.Headers.Location!.OriginalString.Split('/', '#')[2]);
        var item = await county.PostFormAsync($"/negotiations/{id}/items/new", $"/negotiations/{id}/items/new", ("Version", await VersionAsync(id)),
            ("Title", ""), ("Details", ""), ("Link", ""));
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        Assert.Contains("<li>", WebUtility.HtmlDecode(await item.Content.ReadAsStringAsync()).Split("validation-summary-errors")[1].Split("</div>")[0]);
    }
}
