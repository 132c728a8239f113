using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Valfard.Web.Features.Plans;
using Valfard.Web.Tests.Infrastructure;

namespace Valfard.Web.Tests.Plans;

/// <summary>The plan's CSV format: an exact round trip, and a bad file rejected whole with every problem reported.</summary>
public sealed class PlanCsvTests : IDisposable
{
    private readonly ValfardFactory _factory = new();

    private static readonly string[] TrickyMeasure =
    [
        "measure", "T5", "T5.9", "Lainaus \"näin\"; ja puolipiste", "Rad ett\r\nrad två", "Kuvaus, jossa \"lainaus\"", "", "", "",
        "technical", "editor@demo.test", "WellbeingServicesCounty|Companies", "Yritys Oy; Toinen Oy", "2026", "2027", "", "1234.5", "NotStarted",
    ];

    private static readonly (int Line, string Column)[] ExpectedProblems =
    [
        (4, "status"), (5, "goal"), (6, "budget_eur"), (7, "sector"), (7, "responsible"), (7, "partners"), (7, "start_year"),
        (8, "code"), (9, "title_fi"), (9, "life_stage"), (10, "–"), (11, "kind"), (12, "end_year"),
    ];

    /// <summary>Sends a plan CSV through the import form, as the coordinator would.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(Browser browser, byte[] content)
    {
        var token = await browser.TokenFromAsync("/plan/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "plan.csv");
        return await browser.Client.PostAsync("/plan/import", form);
    }

    /// <summary>Removes Demokommun's demo plan so that the coordinator can start a fresh one.</summary>
    private Task<int> RemoveDemoPlanAsync() => _factory.QueryAsync(async db =>
    {
        db.MeasureFollowUps.RemoveRange(await db.MeasureFollowUps.IgnoreQueryFilters().ToListAsync());
        db.AssessmentOverrides.RemoveRange(await db.AssessmentOverrides.IgnoreQueryFilters().ToListAsync());
        db.PlanIndicators.RemoveRange(await db.PlanIndicators.IgnoreQueryFilters().ToListAsync());
        await db.SaveChangesAsync();
        db.Measures.RemoveRange(await db.Measures.IgnoreQueryFilters().ToListAsync());
        await db.SaveChangesAsync();
        db.Goals.RemoveRange(await db.Goals.IgnoreQueryFilters().ToListAsync());
        db.FollowUpRounds.RemoveRange(await db.FollowUpRounds.IgnoreQueryFilters().ToListAsync());
        await db.SaveChangesAsync();
        db.Plans.RemoveRange(await db.Plans.IgnoreQueryFilters().ToListAsync());
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Export_then_import_into_a_fresh_plan_then_export_gives_the_same_bytes()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "fi");
        var exported = await coordinator.Client.GetAsync("/plan/export.csv");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("text/csv", exported.Content.Headers.ContentType!.MediaType);
        var first = await exported.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], first[..3]);

        // Add a measure whose texts need every kind of quoting, so the round trip covers them too.
        var (records, problem) = PlanCsv.Read(first);
        Assert.Null(problem);
        Assert.Equal(1 + 6 + 17, records.Count); // header, five goals and the shared goal YT1, seventeen measures
        // The tricky measure belongs to goal T5: it goes after T5's rows, before the shared goal YT1, where the export puts it.
        var tricky = new List<IReadOnlyList<string>>(records.Skip(1).Select(r => r.Fields));
        tricky.Insert(tricky.FindIndex(f => f[0] == "goal" && f[2] == "YT1"), TrickyMeasure);
        var withTricky = PlanCsv.Write(tricky);

        await RemoveDemoPlanAsync();
        var emptyPage = await coordinator.GetHtmlAsync("/plan");
        Assert.Contains("ei ole vielä hyvinvointisuunnitelmaa", emptyPage);
        var term = await _factory.QueryAsync(db => db.CouncilTerms.SingleAsync(t => t.StartDate == new DateOnly(2025, 6, 1)));
        var created = await coordinator.Client.PostAsync("/plan", Browser.Form(Browser.TokenIn(emptyPage), ("CouncilTermId", term.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(0, await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().CountAsync()));

        var imported = await UploadAsync(coordinator, withTricky);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(6, await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().CountAsync())); // five and the shared goal YT1
        Assert.Equal(18, await _factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().CountAsync()));

        var second = await coordinator.Client.GetByteArrayAsync("/plan/export.csv");
        Assert.Equal(Encoding.UTF8.GetString(withTricky), Encoding.UTF8.GetString(second));
        Assert.Equal(withTricky, second);

        // Importing the same file again changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(coordinator, second)).StatusCode);
        Assert.Equal(second, await coordinator.Client.GetByteArrayAsync("/plan/export.csv"));
        Assert.Equal(18, await _factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_rejected_whole_and_every_problem_is_reported()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var before = await coordinator.Client.GetByteArrayAsync("/plan/export.csv");
        var header = string.Join(';', PlanCsv.Columns);
        var file = string.Join("\r\n",
            header,
            "goal;;T9;Uusi tavoite;Nytt mål;;;Youth;;;;;;;;;;",                                                        // 2: valid, must not be applied
            "measure;T9;T9.1;Kelvollinen;;;;;;education;editor@demo.test;;;2026;2027;;100;InProgress",                  // 3: valid
            "measure;T9;T9.2;Väärä tila;;;;;;education;;;;2026;2027;;;Finished",                                         // 4: status
            "measure;T77;T9.3;Tuntematon tavoite;;;;;;;;;;;;;;NotStarted",                                               // 5: goal
            "measure;T9;T9.4;Budjetti välilyönnillä;;;;;;;;;;;;;12 500;NotStarted",                                      // 6: budget
            "measure;T9;T9.5;Vuodet;;;;;;nosuch;nobody@demo.test;Churches;;20x6;2025;;;NotStarted",                      // 7: sector, user, partner, year
            "measure;T9;T9.1;Sama tunnus;;;;;;;;;;;;;;NotStarted",                                                       // 8: duplicate code
            "goal;;T10;;;;;Adults;;;;;;;;;;",                                                                            // 9: title, life stage
            "measure;T9;T9.6;Liian vähän kenttiä",                                                                       // 10: field count
            "task;;T11;Mikä tämä on;;;;;;;;;;;;;;",                                                                      // 11: kind
            "measure;T9;T9.7;Loppu ennen alkua;;;;;;;;;;2028;2026;;;NotStarted") + "\r\n";                              // 12: end before start
        var response = await UploadAsync(coordinator, Encoding.UTF8.GetBytes(file));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was imported: 13 problems in the file.", html);
        foreach (var (line, column) in ExpectedProblems)
        {
            Assert.Matches($"<th scope=\"row\">{line}</th>\\s*<td><code>{column}</code></td>", html);
        }
        Assert.Contains("Must be one of: NotStarted, InProgress, Done, Postponed (or the same word in Finnish or Swedish as the plan page shows it).", html);
        Assert.Contains("No goal with code “T77” in the file or the plan.", html);
        Assert.Contains("The line must have 18 fields; it has 4.", html);
        Assert.DoesNotContain("<th scope=\"row\">2</th>", html);
        Assert.DoesNotContain("<th scope=\"row\">3</th>", html);

        Assert.False(await _factory.QueryAsync(db => db.Goals.IgnoreQueryFilters().AnyAsync(g => g.Code == "T9")));
        Assert.False(await _factory.QueryAsync(db => db.Measures.IgnoreQueryFilters().AnyAsync(m => m.Code == "T9.1")));
        Assert.Equal(before, await coordinator.Client.GetByteArrayAsync("/plan/export.csv"));
    }

    [Fact]
    public async Task A_broken_header_or_quote_is_reported_and_editors_cannot_import()
    {
        using var coordinator = await Browser.SignedInAsync(_factory, "coordinator@demo.test", "en");
        var wrongHeader = await UploadAsync(coordinator, Encoding.UTF8.GetBytes("type,code,title\r\ngoal,T1,x\r\n"));
        Assert.Contains("The first line must be the header", await wrongHeader.Content.ReadAsStringAsync());
        var open = await UploadAsync(coordinator, Encoding.UTF8.GetBytes(string.Join(';', PlanCsv.Columns) + "\r\ngoal;;T9;\"never closed;;\r\n"));
        Assert.Contains("A quoted field is not closed.", await open.Content.ReadAsStringAsync());
        var latin1 = await UploadAsync(coordinator, [.. Encoding.UTF8.GetBytes(string.Join(';', PlanCsv.Columns) + "\r\ngoal;;T9;"), 0xE4, .. Encoding.UTF8.GetBytes(";;;;Youth;;;;;;;;;;\r\n")]);
        Assert.Contains("The file is not UTF-8 text.", await latin1.Content.ReadAsStringAsync());

        using var editor = await Browser.SignedInAsync(_factory, "editor@demo.test", "en");
        Assert.NotEqual(HttpStatusCode.OK, (await editor.Client.GetAsync("/plan/import")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
