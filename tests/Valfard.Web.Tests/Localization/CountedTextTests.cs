using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Valfard.Domain.Common;
using Valfard.Web.Features.Plans;
using Valfard.Web.Localization;
using Valfard.Web.Tests.Infrastructure;
using Valfard.Web.Tests.Plans;

namespace Valfard.Web.Tests.Localization;

/// <summary>A count in a sentence takes the right form in every language: "1 virhe" but "2 virhettä", "1 oläst" but "2 olästa".</summary>
public sealed class CountedTextTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));

    private static string In(string language, Func<string> text)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(language == "en" ? "en-GB" : $"{language}-FI");
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            return text();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Theory]
    [InlineData(1, "Plan.Csv.Rejected.One")]
    [InlineData(0, "Plan.Csv.Rejected.Other")]
    [InlineData(2, "Plan.Csv.Rejected.Other")]
    [InlineData(11, "Plan.Csv.Rejected.Other")]
    [InlineData(21, "Plan.Csv.Rejected.Other")]
    public void Exactly_one_takes_the_singular_key(long count, string expected) =>
        Assert.Equal(expected, CountedText.KeyFor("Plan.Csv.Rejected", count));

    [Theory]
    [InlineData("fi", 1, "Mitään ei tuotu: tiedostossa on 1 virhe.")]
    [InlineData("fi", 2, "Mitään ei tuotu: tiedostossa on 2 virhettä.")]
    [InlineData("fi", 1500, "Mitään ei tuotu: tiedostossa on 1\u00a0500 virhettä.")]
    [InlineData("en", 1, "Nothing was imported: 1 problem in the file.")]
    [InlineData("en", 2, "Nothing was imported: 2 problems in the file.")]
    [InlineData("sv", 1, "Ingenting importerades: 1 fel i filen.")]
    public void The_count_is_the_first_argument_written_in_the_language_s_own_digits(string language, long count, string expected) =>
        Assert.Equal(expected, In(language, () => Localizer().Plural("Plan.Csv.Rejected", count).Value));

    [Theory]
    [InlineData("fi", 0, "Poistetaanko tavoite? Sillä ei ole toimenpiteitä.")]
    [InlineData("fi", 1, "Poistetaanko tavoite ja sen 1 toimenpide seurantaindikaattoreineen?")]
    [InlineData("sv", 3, "Ska målet tas bort tillsammans med dess 3 åtgärder och deras uppföljningsindikatorer?")]
    [InlineData("sv", 1, "Sökningen ”Demo” gav 1 träff.", "Public.Front.Found", "Demo")]
    [InlineData("sv", 2, "Sökningen ”Demo” gav 2 träffar.", "Public.Front.Found", "Demo")]
    [InlineData("fi", 1, "Haulla ”Demo” löytyi 1 kunta tai hyvinvointialue.", "Public.Front.Found", "Demo")]
    [InlineData("fi", 2, "Haulla ”Demo” löytyi 2 kuntaa tai hyvinvointialuetta.", "Public.Front.Found", "Demo")]
    public void A_zero_form_is_used_where_one_exists_and_further_arguments_follow_the_count(
        string language, long count, string expected, string key = "Plan.RemoveGoalQuestion", string? argument = null) =>
        Assert.Equal(expected, In(language, () => (argument is null ? Localizer().Plural(key, count) : Localizer().Plural(key, count, argument)).Value));

    [Theory]
    [InlineData("fi", "Valtuustoasiakirja tulostetaan ja arkistoidaan suomeksi ja ruotsiksi.")]
    [InlineData("sv", "Fullmäktigedokumentet skrivs ut och arkiveras på finska och svenska.")]
    [InlineData("en", "The council document will be printed and archived in Finnish and Swedish.")]
    public void Languages_in_a_sentence_are_lower_case_and_joined_with_and(string language, string expected)
    {
        var html = new Microsoft.AspNetCore.Mvc.Localization.HtmlLocalizer(Localizer());
        Assert.StartsWith(expected, In(language, () => Render(html["Workflow.PublishNote", html.LanguageList(["fi", "sv"])])));
    }

    /// <summary>The text as a view writes it: LocalizedHtmlString applies its arguments only when written.</summary>
    private static string Render(Microsoft.AspNetCore.Mvc.Localization.LocalizedHtmlString content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return WebUtility.HtmlDecode(writer.ToString());
    }

    [Theory]
    [InlineData("fi", "Mitään ei tuotu: tiedostossa on 1 virhe.", "Mitään ei tuotu: tiedostossa on 2 virhettä.")]
    [InlineData("sv", "Ingenting importerades: 1 fel i filen.", "Ingenting importerades: 2 fel i filen.")]
    [InlineData("en", "Nothing was imported: 1 problem in the file.", "Nothing was imported: 2 problems in the file.")]
    public async Task The_plan_import_page_counts_one_and_two_problems_in_the_user_s_language(string language, string one, string two)
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", language);
        var header = string.Join(';', PlanCsv.Columns);
        const string badStatus = "measure;T1;T1.9;Väärä tila;;;;;;;;;;2026;2027;;;Finished";
        const string badKind = "task;;T11;Mikä tämä on;;;;;;;;;;;;;;";

        var first = await PlanCsvTests.UploadAsync(coordinator, Encoding.UTF8.GetBytes($"{header}\r\n{badStatus}\r\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Contains(one, WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync()));

        var second = await PlanCsvTests.UploadAsync(coordinator, Encoding.UTF8.GetBytes($"{header}\r\n{badStatus}\r\n{badKind}\r\n"));
        Assert.Contains(two, WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("fi", "lukematon", "lukematonta")]
    [InlineData("sv", "oläst", "olästa")]
    [InlineData("en", "unread", "unread")]
    public async Task The_notification_badge_says_one_unread_and_two_unread_in_the_user_s_language(string language, string one, string many)
    {
        var editor = await _factory.UserAsync("editor@demo.test");
        await _factory.QueryAsync(async db =>
        {
            db.Notifications.RemoveRange(await db.Notifications.IgnoreQueryFilters().Where(n => n.UserId == editor.Id).ToListAsync());
            return await db.SaveChangesAsync();
        });
        using var browser = await Browser.SignedInAsync(_factory, "editor@demo.test", language);

        await AddNotificationAsync(editor.OrganisationId, editor.Id);
        Assert.Contains($"1<span class=\"visually-hidden\"> {one}</span>", WebUtility.HtmlDecode(await browser.GetHtmlAsync("/reports")));
        await AddNotificationAsync(editor.OrganisationId, editor.Id);
        Assert.Contains($"2<span class=\"visually-hidden\"> {many}</span>", WebUtility.HtmlDecode(await browser.GetHtmlAsync("/reports")));
    }

    private Task<int> AddNotificationAsync(Guid organisationId, Guid userId) => _factory.QueryAsync(db =>
    {
        db.Notifications.Add(new Notification(organisationId, userId, "Comment.Mentioned", "Testi", "/", DateTimeOffset.UtcNow));
        return db.SaveChangesAsync();
    });
}
