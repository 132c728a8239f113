using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Common;
using Valfard.Domain.Indicators;
using Valfard.Web.Startup.Demo;
using Valfard.Web.Tests.Account;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Indicators;

/// <summary>
/// The catalogue is the installation's (ADR 0018): no organisation's coordinator or editor changes what another
/// organisation sees; the system admin does, and each change is recorded; a coordinator tells the admins instead.
/// </summary>
public sealed class CatalogueOwnershipTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    /// <summary>What every organisation sees of the catalogue: directions, decimals, values and region names.</summary>
    private Task<string> CatalogueFingerprintAsync() => _factory.QueryAsync(async db =>
    {
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.Direction, i.Decimals }).ToListAsync();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id + r.TitleFi + r.TitleSv).ToListAsync();
        var values = await db.IndicatorValues.AsNoTracking().CountAsync();
        var sum = (await db.IndicatorValues.AsNoTracking().Select(v => v.Value).ToListAsync()).Sum(v => v ?? 0);
        var sets = await db.StandardSets.AsNoTracking().Include(s => s.Members).OrderBy(s => s.NameFi).ToListAsync();
        return string.Join("|", indicators.Select(i => $"{i.Id}:{i.Direction}:{i.Decimals}")) + "#" + string.Join("|", regions) + $"#{values}:{sum}#"
            + string.Join("|", sets.Select(s => s.NameFi + string.Join(",", s.Members.OrderBy(m => m.Position).Select(m => m.IndicatorId)) + s.Kind));
    });

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect
            && (response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString)
                .StartsWith("/account/access-denied", StringComparison.Ordinal));

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Editor)]
    public async Task A_coordinator_or_editor_of_one_organisation_cannot_change_the_direction_values_region_names_or_decimals_another_sees(string role)
    {
        var email = await TwoFactorSteps.CreateUserAsync(_factory, role, DemoSeeder.EsimerkkilaId);
        using var browser = await Browser.SignedInAsync(_factory, email, "en");
        var token = await browser.TokenFromAsync("/account/change-password");
        var setId = await _factory.QueryAsync(db => db.StandardSets.Select(s => s.Id).FirstAsync());
        var before = await CatalogueFingerprintAsync();
        var changesBefore = await _factory.QueryAsync(db => db.CatalogueChanges.CountAsync());

        var answers = new List<(string Url, HttpResponseMessage Response)>();
        async Task PostAsync(string url, params (string, string)[] fields) =>
            answers.Add((url, await browser.Client.PostAsync(url, Browser.Form(token, fields))));
        await PostAsync("/indicators/90005/direction", ("direction", "HigherIsBetter"));
        await PostAsync("/indicators/import/live", ("indicatorIds", "90005"), ("fromYear", "2015"), ("toYear", "2024"));
        await PostAsync("/indicators/standard-sets", ("NameFi", "Oma"), ("NameSv", "Egen"), ("Kind", "Any"));
        await PostAsync($"/indicators/standard-sets/{setId}", ("NameFi", "Muutettu"), ("NameSv", "Ändrad"), ("Kind", "Counties"));
        await PostAsync($"/indicators/standard-sets/{setId}/ids", ("ids", "90001"));
        await PostAsync($"/indicators/standard-sets/{setId}/group", ("group", "1"));
        await PostAsync($"/indicators/standard-sets/{setId}/remove/90005");
        await PostAsync($"/indicators/standard-sets/{setId}/delete");
        // A file that would rename a region, set decimals and change a value, if it were let in.
        foreach (var (name, content) in new[]
                 {
                     ("regions.json", """[{"id":99001,"code":"995","category":"KUNTA","title":{"fi":"Hakkeroitu","sv":"Hackad","en":"Hacked"},"memberOf":[]}]"""),
                     ("indicator.json", """{"id":90005,"title":{"fi":"X","sv":"X","en":"X"},"decimals":5}"""),
                     ("data.csv", "indicator;region;year;gender;primary value;absolute value\n90005;99001;2024;total;999999;\n"),
                 })
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(token), "__RequestVerificationToken");
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            form.Add(file, "file", name);
            answers.Add(("/indicators/import/file " + name, await browser.Client.PostAsync("/indicators/import/file", form)));
        }
        await Task.Delay(300); // an import that had been let in would run in the background

        Assert.All(answers, a => Assert.True(Refused(a.Response), $"{a.Url} answered {(int)a.Response.StatusCode} {a.Response.Headers.Location}"));
        Assert.Equal(before, await CatalogueFingerprintAsync());
        Assert.Equal(changesBefore, await _factory.QueryAsync(db => db.CatalogueChanges.CountAsync()));
        var page = await browser.GetHtmlAsync("/indicators/90005");
        Assert.DoesNotContain("action=\"/indicators/90005/direction\"", page);
    }

    [Fact]
    public async Task The_system_admin_changes_the_direction_for_every_organisation_and_the_change_is_recorded_with_old_and_new()
    {
        using var admin = await Browser.SignedInAsync(_factory, "admin@demo.test", "en");
        var adminId = (await _factory.UserAsync("admin@demo.test")).Id;
        var old = await _factory.QueryAsync(db => db.Indicators.Where(i => i.Id == 90005).Select(i => i.Direction).SingleAsync());
        Assert.Equal(IndicatorDirection.LowerIsBetter, old);

        var response = await admin.PostFormAsync("/indicators/90005", "/indicators/90005/direction", ("direction", "HigherIsBetter"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(IndicatorDirection.HigherIsBetter,
            await _factory.QueryAsync(db => db.Indicators.Where(i => i.Id == 90005).Select(i => i.Direction).SingleAsync()));
        var change = await _factory.QueryAsync(db => db.CatalogueChanges.SingleAsync(c => c.Action == "Catalogue.DirectionChanged"));
        Assert.Equal(adminId, change.UserId);
        Assert.Equal("LowerIsBetter", change.OldValue);
        Assert.Equal("HigherIsBetter", change.NewValue);
        Assert.StartsWith("90005 ", change.Subject, StringComparison.Ordinal);
        Assert.Equal(ValfardFactory.Today.Date, change.At.UtcDateTime.Date);
        // Another organisation's reader sees the new direction; the admin's log page shows who changed it.
        using var other = await Browser.SignedInAsync(_factory, "editor@esimerkkila.test", "en");
        Assert.Contains("higher is better", await other.GetHtmlAsync("/indicators/90005"));
        var log = await admin.GetHtmlAsync("/indicators/changes");
        Assert.Contains("Direction changed:", log);
        Assert.Contains("admin@demo.test", log);
        Assert.Contains("LowerIsBetter", log);
        // Saving the same direction again changes nothing and records nothing.
        await admin.PostFormAsync("/indicators/90005", "/indicators/90005/direction", ("direction", "HigherIsBetter"));
        Assert.Equal(1, await _factory.QueryAsync(db => db.CatalogueChanges.CountAsync(c => c.Action == "Catalogue.DirectionChanged")));
    }

    [Fact]
    public async Task A_coordinator_sees_the_direction_read_only_and_tells_the_admins_who_get_a_notification_and_a_mail_in_their_language()
    {
        var admin = await _factory.UserAsync("admin@demo.test");
        await _factory.QueryAsync(async db =>
        {
            var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Id == admin.Id);
            user.PreferredLanguage = "sv";
            return await db.SaveChangesAsync();
        });
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");

        var page = await coordinator.GetHtmlAsync("/indicators/90005");
        Assert.DoesNotContain("action=\"/indicators/90005/direction\"", page);
        Assert.Contains("lower is better", page);
        Assert.Contains("action=\"/indicators/90005/tell-admins\"", page);

        var empty = await coordinator.PostFormAsync("/indicators/90005", "/indicators/90005/tell-admins", ("message", "  "));
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Contains("Write a message for the system admins.", await coordinator.GetHtmlAsync("/indicators/90005"));
        Assert.Equal(0, await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.Kind == "Notification.IndicatorFeedback")));

        var sent = await coordinator.PostFormAsync("/indicators/90005", "/indicators/90005/tell-admins",
            ("message", "Suurempi on parempi tässä: tarkistakaa suunta."));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Your message has been sent to the system admins.", await coordinator.GetHtmlAsync("/indicators/90005"));
        var notification = await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().SingleAsync(n => n.Kind == "Notification.IndicatorFeedback"));
        Assert.Equal(admin.Id, notification.UserId);
        Assert.Equal(admin.OrganisationId, notification.OrganisationId);
        Assert.Equal("/indicators/90005", notification.Link);
        Assert.Contains("Kaisa Koordinaattori", notification.Text);
        Assert.Contains("tarkistakaa suunta", notification.Text);
        var mail = Assert.Single(await _factory.DeliveredMailAsync(), m => m.To == "admin@demo.test");
        Assert.Equal("Valfard: ett meddelande om indikator 90005", mail.Subject);
        Assert.Contains("Suurempi on parempi tässä: tarkistakaa suunta.", mail.TextBody);
        Assert.Contains(new Uri(ValfardFactory.PublicBaseUrl, "/indicators/90005").ToString(), mail.TextBody);
        Assert.Contains("Kaisa Koordinaattori", mail.TextBody);
        // Nothing in the catalogue changed.
        Assert.Equal(IndicatorDirection.LowerIsBetter, await _factory.QueryAsync(db => db.Indicators.Where(i => i.Id == 90005).Select(i => i.Direction).SingleAsync()));
    }

    [Fact]
    public async Task Telling_the_admins_is_limited_per_hour()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var token = await coordinator.TokenFromAsync("/indicators/90005");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await coordinator.Client.PostAsync("/indicators/90005/tell-admins", Browser.Form(token, ("message", $"Viesti {i}")))).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Redirect, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.Equal(5, await _factory.QueryAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.Kind == "Notification.IndicatorFeedback")));
    }

    public void Dispose() => _factory.Dispose();
}
