using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Valfard.Domain.Reports;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Security;

/// <summary>One app and database for the bad-input tests: each test changes only data of its own.</summary>
[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<ValfardFactory>
{
    public const string Name = "bad input";
}

/// <summary>
/// Bad input of every kind (too long, wrong type, unknown enum value or id, broken encoding, missing field) gets an
/// answer in the user's language, never a 500 or a stack trace, and what was saved before stays as it was.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed partial class BadInputTests(ValfardFactory factory)
{
    private static async Task<string> BodyOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at Valfard", body, StringComparison.Ordinal);
        return body;
    }

    private static async Task<(HttpResponseMessage Response, string Body)> SubmitAsync(Browser browser, string pageUrl, string actionEnd,
        params (string Name, string Value)[] fields)
    {
        var (action, values) = FormFields.Fill(await browser.GetHtmlAsync(pageUrl), pageUrl, actionEnd, fields);
        var response = await browser.Client.PostAsync(action, new FormUrlEncodedContent(values));
        return (response, await BodyOfAsync(response));
    }

    /// <summary>Follows the redirect after a post and returns the flash message shown there.</summary>
    private static async Task<string> FlashAfterAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetHtmlAsync(response.Headers.Location!.OriginalString);
        return string.Join(" / ", FormFields.Messages(page));
    }

    private Task<Guid> MeasureIdAsync(string code) =>
        factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().Where(m => m.Code == code).Select(m => m.Id).SingleAsync());

    [Theory]
    [InlineData("fi", "enintään 1000 merkkiä")]
    [InlineData("sv", "högst 1000 tecken")]
    public async Task An_over_long_observation_gets_the_length_message_in_the_users_language_and_nothing_is_saved(string language, string message)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", language);
        var report = await factory.DemoReportAsync();
        var before = await factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().CountAsync(o => o.ReportId == report.Id));

        var (response, body) = await SubmitAsync(coordinator, $"/reports/{report.Id}/observations", "/observations",
            ("Kind", "Concern"), ("TextFi", new string('a', Observation.TextMaxLength + 1)), ("TextSv", "kort"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, string.Join(" ", FormFields.Messages(body)), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().CountAsync(o => o.ReportId == report.Id)));
    }

    [Theory]
    [InlineData("fi", "Arvo 'paljon' ei kelpaa", "enintään 300 merkkiä")]
    [InlineData("sv", "Värdet 'paljon' är inte giltigt", "högst 300 tecken")]
    public async Task Text_in_a_budget_and_an_over_long_title_are_explained_and_the_measure_stays_as_it_was(string language, string typeMessage, string lengthMessage)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", language);
        var id = await MeasureIdAsync("T1.1");
        var before = await factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id));
        var url = $"/plan/measures/{id}/edit";

        var (response, body) = await SubmitAsync(coordinator, url, url, ("BudgetEuros", "paljon"), ("TitleFi", new string('b', 301)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = string.Join(" ", FormFields.Messages(body));
        Assert.Contains(typeMessage, messages, StringComparison.Ordinal);
        Assert.Contains(lengthMessage, messages, StringComparison.Ordinal);
        var after = await factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((before.TitleFi, before.BudgetEuros, before.Version), (after.TitleFi, after.BudgetEuros, after.Version));
    }

    [Theory]
    [InlineData("fi", "tieto puuttuu")]
    [InlineData("sv", "måste anges")]
    public async Task A_goal_without_its_code_is_refused_with_a_message(string language, string message)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", language);
        var goals = await factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().CountAsync());

        var (response, body) = await SubmitAsync(coordinator, "/plan/goals/new", "/plan/goals/new", ("Code", ""), ("TitleFi", "Tavoite ilman tunnusta"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, string.Join(" ", FormFields.Messages(body)), StringComparison.Ordinal);
        Assert.Equal(goals, await factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Wrong_types_and_unknown_enum_values_in_forms_are_refused_without_a_server_error()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");
        var report = await factory.DemoReportAsync();
        var observations = await factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().CountAsync(o => o.ReportId == report.Id));

        // An enum value that does not exist, as a name and as a number.
        foreach (var kind in new[] { "Banana", "99", "-1" })
        {
            var (response, body) = await SubmitAsync(coordinator, $"/reports/{report.Id}/observations", "/observations",
                ("Kind", kind), ("TextFi", "Outo laji"), ("TextSv", "Konstig typ"));
            Assert.True(FormFields.Messages(body).Count > 0, $"{kind}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Equal(observations, await factory.QueryAsync(db => db.Observations.IgnoreQueryFilters().CountAsync(o => o.ReportId == report.Id)));

        // A number field, a year and a date given text; an id given something that is no id.
        var measure = await MeasureIdAsync("T2.1");
        var followUp = await factory.QueryAsync(db => db.MeasureFollowUps.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.MeasureId == measure).Select(f => new { f.ProgressPercent, f.Account }).ToListAsync());
        var url = $"/plan/follow-up/2025/measures/{measure}";
        var (_, progress) = await SubmitAsync(coordinator, url, url, ("ProgressPercent", "puolet"), ("Status", "Valmis"));
        Assert.NotEmpty(FormFields.Messages(progress));
        Assert.Equivalent(followUp, await factory.QueryAsync(db => db.MeasureFollowUps.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.MeasureId == measure).Select(f => new { f.ProgressPercent, f.Account }).ToListAsync()));

        var (_, goal) = await SubmitAsync(coordinator, "/plan/measures/new", "/plan/measures/new",
            ("GoalId", "not-a-guid"), ("Code", "Z9"), ("StartYear", "ensi vuonna"), ("SectorId", "'; DROP TABLE Measures;--"));
        Assert.NotEmpty(FormFields.Messages(goal));
        Assert.False(await factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AnyAsync(m => m.Code == "Z9")));

        // A date given text: the assignment form keeps the section as it was.
        var assigned = await factory.DemoSectionAsync("Nuoret");
        var assignUrl = $"/reports/{report.Id}/sections/{assigned.Id}/assign";
        var (_, due) = await SubmitAsync(coordinator, assignUrl, "/assign", ("DueDate", "ensi viikolla"));
        Assert.Contains("Arvo 'ensi viikolla' ei kelpaa", string.Join(" ", FormFields.Messages(due)), StringComparison.Ordinal);
        Assert.Equal(assigned.Version, (await factory.DemoSectionAsync("Nuoret")).Version);

        // A section status that does not exist.
        var section = await factory.DemoSectionAsync("Työikäiset");
        var token = Browser.TokenIn(await coordinator.GetHtmlAsync($"/reports/{report.Id}/sections/{section.Id}"));
        var status = await coordinator.Client.PostAsync($"/reports/{report.Id}/sections/{section.Id}/status", Browser.Form(token, ("status", "12345")));
        await BodyOfAsync(status);
        Assert.Equal(section.Status, (await factory.DemoSectionAsync("Työikäiset")).Status);
    }

    [Theory]
    [InlineData("/reports/not-a-guid")]
    [InlineData("/reports/00000000-0000-0000-0000-00000000000g/read")]
    [InlineData("/reports/{report}/sections/123")]
    [InlineData("/reports/{report}/sections/00000000-0000-0000-0000-000000000000")]
    [InlineData("/plan/measures/%27%20OR%201=1")]
    [InlineData("/plan/follow-up/twenty/measures/{report}")]
    [InlineData("/fi/demo/%3Cscript%3E")]
    [InlineData("/reports/{report}/sections/{report}/history/xx")]
    public async Task Invalid_ids_in_addresses_answer_not_found_in_the_users_language(string url)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "sv");
        var report = await factory.DemoReportAsync();
        var response = await coordinator.Client.GetAsync(url.Replace("{report}", report.Id.ToString(), StringComparison.Ordinal));
        var body = await BodyOfAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("lang=\"sv\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fi", "Lomaketta ei voitu lähettää")]
    [InlineData("sv", "Formuläret kunde inte skickas")]
    public async Task A_form_with_a_nul_character_gets_the_bad_request_page_and_the_text_stays(string language, string title)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", language);
        var report = await factory.DemoReportAsync();
        var section = await factory.DemoSectionAsync("Ikääntyneet");
        var editor = await coordinator.GetHtmlAsync($"/reports/{report.Id}/sections/{section.Id}");
        var before = section.TextIn("fi")!.Html;

        var save = await coordinator.Client.PostAsync($"/reports/{report.Id}/sections/{section.Id}/text/fi",
            Browser.Form(Browser.TokenIn(editor), ("html", "<p>nolla\0merkki</p>"), ("version", VersionFi().Match(editor).Groups[1].Value)));
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Contains(title, await BodyOfAsync(save), StringComparison.Ordinal);
        Assert.Equal(before, (await factory.DemoSectionAsync("Ikääntyneet")).TextIn("fi")!.Html);

        var comments = await factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().CountAsync(c => c.SectionId == section.Id));
        var comment = await coordinator.Client.PostAsync($"/reports/{report.Id}/sections/{section.Id}/comments",
            Browser.Form(Browser.TokenIn(editor), ("text", "nolla\0merkki")));
        Assert.Equal(HttpStatusCode.BadRequest, comment.StatusCode);
        Assert.Contains(title, await BodyOfAsync(comment), StringComparison.Ordinal);
        Assert.Equal(comments, await factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().CountAsync(c => c.SectionId == section.Id)));
    }

    [Fact]
    public async Task Broken_utf8_lone_surrogates_and_latin1_bodies_are_read_without_a_server_error()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");
        var report = await factory.DemoReportAsync();
        var section = await factory.DemoSectionAsync("Lapset ja lapsiperheet");
        var token = Browser.TokenIn(await coordinator.GetHtmlAsync($"/reports/{report.Id}/sections/{section.Id}"));
        var url = $"/reports/{report.Id}/sections/{section.Id}/comments";

        // Invalid UTF-8 (a lead byte without its continuation, an overlong "<", an encoded lone surrogate): read as U+FFFD.
        foreach (var (marker, bytes) in new[] { ("rikki-1", "%C3%28"), ("rikki-2", "%C0%BCscript%C0%BE"), ("rikki-3", "%ED%A0%80") })
        {
            var response = await PostRawAsync(coordinator, url, $"text={marker}+{bytes}&__RequestVerificationToken={Uri.EscapeDataString(token)}",
                "application/x-www-form-urlencoded");
            await BodyOfAsync(response);
            var saved = await factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.SectionId == section.Id && c.Text.StartsWith(marker)).Select(c => c.Text).SingleOrDefaultAsync());
            // Whatever is kept (U+FFFD or the escapes as they were), no byte trick turns into markup.
            Assert.True(saved is null || !saved.Contains('<', StringComparison.Ordinal), $"{marker} was saved as \"{saved}\"");
        }

        // A lone surrogate from a client that sends UTF-16 code units as they are.
        var lone = await coordinator.Client.PostAsync(url, Browser.Form(token, ("text", "yksin \uD800 jäänyt")));
        await BodyOfAsync(lone);

        // A body in ISO-8859-1 that says so is read in that charset: "Päiväkoti" arrives intact.
        var latin1 = await PostRawAsync(coordinator, url, $"text=P%E4iv%E4koti+latin1&__RequestVerificationToken={Uri.EscapeDataString(token)}",
            "application/x-www-form-urlencoded; charset=iso-8859-1");
        Assert.Equal(HttpStatusCode.Redirect, latin1.StatusCode);
        var latin1Text = await factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SectionId == section.Id && c.Text.EndsWith("latin1")).Select(c => c.Text).SingleAsync());
        Assert.Equal("Päiväkoti latin1", latin1Text);

        // UTF-7 could hide markup ("+ADw-script+AD4-") and an unknown charset cannot be read: both are bad requests.
        foreach (var charset in new[] { "utf-7", "x-no-such-charset" })
        {
            var refused = await PostRawAsync(coordinator, url, $"text=%2BADw-script%2BAD4-&__RequestVerificationToken={Uri.EscapeDataString(token)}",
                $"application/x-www-form-urlencoded; charset={charset}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Lomaketta ei voitu lähettää", await BodyOfAsync(refused), StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> PostRawAsync(Browser browser, string url, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await browser.Client.PostAsync(url, content);
    }

    [Theory]
    [InlineData("fi", "Teksti on liian pitkä yhteen lukuun")]
    [InlineData("sv", "Texten är för lång för ett avsnitt")]
    public async Task Section_text_over_the_limit_is_refused_with_a_message_and_a_huge_body_without_a_server_error(string language, string message)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", language);
        var report = await factory.DemoReportAsync();
        var section = await factory.DemoSectionAsync("Tiivistelmä");
        var before = section.TextIn("sv")!.Html;
        var editor = await coordinator.GetHtmlAsync($"/reports/{report.Id}/sections/{section.Id}");
        var version = VersionSv().Match(editor).Groups[1].Value;
        var url = $"/reports/{report.Id}/sections/{section.Id}/text/sv";

        // Just over the stored limit: the JSON answer carries the message the editor shows.
        var tooLong = await coordinator.Client.PostAsync(url, Browser.Form(Browser.TokenIn(editor),
            ("html", "<p>" + new string('x', ReportLimits.HtmlMaxLength) + "</p>"), ("version", version)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains(message, await BodyOfAsync(tooLong), StringComparison.Ordinal);

        // Five megabytes: over the request limit (413 behind Kestrel; the test server reads it and the form limit stops it).
        var huge = await coordinator.Client.PostAsync(url, Browser.Form(Browser.TokenIn(editor),
            ("html", "<p>" + new string('y', 5 * 1024 * 1024) + "</p>"), ("version", version)));
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"5 MB answered {(int)huge.StatusCode}");
        await BodyOfAsync(huge);

        Assert.Equal(before, (await factory.DemoSectionAsync("Tiivistelmä")).TextIn("sv")!.Html);
    }

    [Theory]
    [InlineData("fi", "tieto puuttuu", "enintään 100 merkkiä")]
    [InlineData("sv", "måste anges", "högst 100 tecken")]
    public async Task Public_feedback_without_a_message_or_with_an_over_long_name_is_explained_to_the_resident(string language, string missing, string tooLong)
    {
        using var resident = Browser.Open(factory, language);
        var page = $"/{language}/demo/hyvinvointikertomus-2021-2025/feedback";
        var before = await factory.QueryAsync(db => db.ResidentFeedback.IgnoreQueryFilters().CountAsync());

        var (response, body) = await SubmitAsync(resident, page, "/feedback",
            ("FeedbackForm.Message", ""), ("FeedbackForm.Name", new string('n', 101)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = string.Join(" ", FormFields.Messages(body));
        Assert.Contains(missing, messages, StringComparison.Ordinal);
        Assert.Contains(tooLong, messages, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.ResidentFeedback.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Over_long_names_of_people_sectors_sets_and_comments_are_refused_and_the_old_values_stay()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin@demo.test", "fi");
        var secretary = await factory.UserAsync("secretary@demo.test");
        var (_, user) = await SubmitAsync(admin, $"/admin/users/{secretary.Id}", $"/admin/users/{secretary.Id}", ("DisplayName", new string('s', 121)));
        Assert.Contains("enintään 120 merkkiä", string.Join(" ", FormFields.Messages(user)), StringComparison.Ordinal);
        Assert.Equal(secretary.DisplayName, (await factory.UserAsync("secretary@demo.test")).DisplayName);

        var sectors = await factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters().CountAsync());
        var (_, sector) = await SubmitAsync(admin, "/admin/sectors/new", "/admin/sectors/new", ("Code", "pitka"), ("NameFi", new string('t', 121)));
        Assert.Contains("enintään 120 merkkiä", string.Join(" ", FormFields.Messages(sector)), StringComparison.Ordinal);
        Assert.Equal(sectors, await factory.QueryAsync(db => db.Sectors.IgnoreQueryFilters().CountAsync()));

        using var coordinator = await Browser.SignedInAsync(factory, "coordinator@demo.test", "fi");
        var sets = await factory.QueryAsync(db => db.IndicatorSets.IgnoreQueryFilters().CountAsync());
        var (setResponse, setBody) = await SubmitAsync(coordinator, "/indicators/sets", "/indicators/sets", ("name", new string('i', 201)));
        var setMessages = setResponse.StatusCode == HttpStatusCode.Redirect ? await FlashAfterAsync(coordinator, setResponse) : string.Join(" ", FormFields.Messages(setBody));
        Assert.NotEmpty(setMessages);
        Assert.Equal(sets, await factory.QueryAsync(db => db.IndicatorSets.IgnoreQueryFilters().CountAsync()));

        var report = await factory.DemoReportAsync();
        var section = await factory.DemoSectionAsync("Nuoret");
        var comments = await factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().CountAsync(c => c.SectionId == section.Id));
        var (commentResponse, _) = await SubmitAsync(coordinator, $"/reports/{report.Id}/sections/{section.Id}", "/comments",
            ("text", new string('c', SectionComment.TextMaxLength + 1)));
        Assert.NotEmpty(await FlashAfterAsync(coordinator, commentResponse));
        Assert.Equal(comments, await factory.QueryAsync(db => db.SectionComments.IgnoreQueryFilters().CountAsync(c => c.SectionId == section.Id)));
    }

    [GeneratedRegex("data-language=\"fi\"\\s+data-version=\"([0-9a-f-]+)\"")]
    private static partial Regex VersionFi();

    [GeneratedRegex("data-language=\"sv\"\\s+data-version=\"([0-9a-f-]+)\"")]
    private static partial Regex VersionSv();
}
