using Microsoft.Playwright;

namespace Valfard.Browser.Tests;

/// <summary>The welfare group writing the demo report together: autosave, a conflict, a restore and the board.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportAuthoringJourneyTests(AppFixture app)
{
    private Task<IPage> SignInAsync(string email, string locale = "fi-FI") =>
        app.SignInAsync(email, locale.StartsWith("sv", StringComparison.Ordinal) ? "sv" : "fi");

    private static ILocator Pane(IPage page, string language) => page.Locator($"#pane-{language}");

    [Fact]
    public async Task An_editor_opens_a_section_from_the_start_page_writes_and_the_text_is_autosaved()
    {
        var page = await SignInAsync("editor@demo.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lapset ja lapsiperheet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Lapset ja lapsiperheet");

        var editor = Pane(page, "sv").Locator(".ql-editor");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Familjecentret öppnade i oktober 2026.");

        await Assertions.Expect(Pane(page, "sv").Locator(".save-state")).ToContainTextAsync("Tallennettu", new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "section-editor-fi.png"), FullPage = true });

        await page.ReloadAsync();
        await Assertions.Expect(Pane(page, "sv").Locator(".ql-editor")).ToContainTextAsync("Familjecentret öppnade i oktober 2026.");
    }

    [Fact]
    public async Task A_save_on_a_stale_version_shows_both_texts_and_the_writer_merges_by_hand()
    {
        var editorPage = await SignInAsync("editor@demo.test");
        var coordinatorPage = await SignInAsync("coordinator@demo.test");
        foreach (var page in new[] { editorPage, coordinatorPage })
        {
            await page.GotoAsync("/reports");
            await page.GetByRole(AriaRole.Link, new() { Name = "Laaja hyvinvointikertomus 2025–2029" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Nuoret", Exact = true }).ClickAsync();
        }

        var coordinatorEditor = Pane(coordinatorPage, "fi").Locator(".ql-editor");
        await coordinatorEditor.ClickAsync();
        await coordinatorPage.Keyboard.PressAsync("Control+End");
        await coordinatorPage.Keyboard.TypeAsync(" Koordinaattorin lisäys.");
        await Assertions.Expect(Pane(coordinatorPage, "fi").Locator(".save-state")).ToContainTextAsync("Tallennettu", new() { Timeout = 10_000 });

        var editorEditor = Pane(editorPage, "fi").Locator(".ql-editor");
        await editorEditor.ClickAsync();
        await editorPage.Keyboard.PressAsync("Control+End");
        await editorPage.Keyboard.TypeAsync(" Kirjoittajan lisäys.");

        var conflict = Pane(editorPage, "fi").Locator(".conflict");
        await Assertions.Expect(conflict).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(conflict).ToContainTextAsync("Kaisa Koordinaattori");
        await Assertions.Expect(conflict.Locator(".their-text")).ToContainTextAsync("Koordinaattorin lisäys.");
        await Assertions.Expect(Pane(editorPage, "fi").Locator(".save-state")).ToContainTextAsync("joku muu tallensi");
        await editorPage.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "section-conflict-fi.png"), FullPage = true });

        // Merge by hand: bring the coordinator's sentence into one's own text, then save over the newer version.
        await editorEditor.ClickAsync();
        await editorPage.Keyboard.PressAsync("Control+End");
        await editorPage.Keyboard.TypeAsync(" Koordinaattorin lisäys.");
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Tallenna yhdistetty tekstini" }).ClickAsync();
        await Assertions.Expect(Pane(editorPage, "fi").Locator(".save-state")).ToContainTextAsync("Tallennettu", new() { Timeout = 10_000 });
        await Assertions.Expect(conflict).ToBeHiddenAsync();

        await coordinatorPage.ReloadAsync();
        var merged = Pane(coordinatorPage, "fi").Locator(".ql-editor");
        await Assertions.Expect(merged).ToContainTextAsync("Kirjoittajan lisäys.");
        await Assertions.Expect(merged).ToContainTextAsync("Koordinaattorin lisäys.");
    }

    [Fact]
    public async Task The_coordinator_compares_two_revisions_and_restores_the_older_one()
    {
        var page = await SignInAsync("coordinator@demo.test");
        await page.GotoAsync("/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Laaja hyvinvointikertomus 2025–2029" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ikääntyneet", Exact = true }).ClickAsync();
        var editor = Pane(page, "fi").Locator(".ql-editor");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Tämä teksti korvasi vahingossa koko luvun.");
        await Assertions.Expect(Pane(page, "fi").Locator(".save-state")).ToContainTextAsync("Tallennettu", new() { Timeout = 10_000 });

        await Pane(page, "fi").GetByRole(AriaRole.Link, new() { Name = "Versiohistoria" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Näytä erot" }).ClickAsync();
        await Assertions.Expect(page.Locator(".diff del").Filter(new() { HasText = "kotona" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diff ins").Filter(new() { HasText = "korvasi vahingossa" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "revision-diff-fi.png"), FullPage = true });

        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "#1" }).GetByRole(AriaRole.Button, new() { Name = "Palauta" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vanhempi versio on nyt voimassa");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "palautettu versiosta 1" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ikääntyneet" }).ClickAsync();
        await Assertions.Expect(Pane(page, "fi").Locator(".ql-editor")).ToContainTextAsync("75 vuotta täyttäneistä 92 prosenttia asuu kotona");
        await Assertions.Expect(Pane(page, "fi").Locator(".ql-editor")).Not.ToContainTextAsync("vahingossa");
    }

    [Fact]
    public async Task The_coordinator_sees_progress_by_sector_flags_overdue_sections_and_assigns_a_section()
    {
        var page = await SignInAsync("coordinator@demo.test", "sv-FI");
        await page.GetByRole(AriaRole.Link, new() { Name = "Berättelser" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Omfattande välfärdsberättelse 2025–2029" }).ClickAsync();

        var bySector = page.Locator("table.progress-table");
        await Assertions.Expect(bySector.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bildningssektorn" })).ToBeVisibleAsync();
        var youth = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Unga" });
        await Assertions.Expect(youth).ToContainTextAsync("Försenad");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "report-board-sv.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Fördela Personer i arbetsför ålder" }).ClickAsync();
        await page.GetByLabel("Erik Editor").CheckAsync();
        await page.GetByLabel("Sista dag").FillAsync("2027-02-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Avsnittets fördelning har sparats.");
        var working = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Personer i arbetsför ålder" });
        await Assertions.Expect(working).ToContainTextAsync("Erik Editor");
        await Assertions.Expect(working).ToContainTextAsync("15.2.2027");
    }
}

[Collection(BrowserCollection.Name)]
public sealed class CommentJourneyTests(AppFixture app)
{
    private Task<IPage> SignInAsync(string email) => app.SignInAsync(email, "en");

    [Fact]
    public async Task An_editor_mentions_the_coordinator_who_replies_from_the_notification_and_resolves_the_thread()
    {
        var editor = await SignInAsync("editor@demo.test");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Lapset ja lapsiperheet" }).ClickAsync();
        await editor.GetByLabel("New comment").FillAsync("Onko perheneuvolan jonotieto vuodelta 2026 jo saatavilla?");
        await editor.GetByLabel("Notify people (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Kaisa Koordinaattori" });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.Locator("#flash")).ToContainTextAsync("Your comment has been added.");

        var coordinator = await SignInAsync("coordinator@demo.test");
        await coordinator.Locator("a.notification-link").ClickAsync();
        await coordinator.GetByRole(AriaRole.Button).Filter(new() { HasText = "perheneuvolan jonotieto" }).ClickAsync();

        var thread = coordinator.Locator("article.comment-thread").Filter(new() { HasText = "perheneuvolan jonotieto" });
        await Assertions.Expect(thread).ToBeVisibleAsync();
        await thread.GetByLabel("Reply to Erik Editor").FillAsync("Kyllä, lisään sen huomenna.");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#flash")).ToContainTextAsync("Your reply has been added.");
        thread = coordinator.Locator("article.comment-thread").Filter(new() { HasText = "perheneuvolan jonotieto" });
        await Assertions.Expect(thread).ToContainTextAsync("Kyllä, lisään sen huomenna.");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        thread = coordinator.Locator("article.comment-thread").Filter(new() { HasText = "perheneuvolan jonotieto" });
        await Assertions.Expect(thread).ToContainTextAsync("resolved by Kaisa Koordinaattori");
        await coordinator.Locator("#comments").ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ScreenshotDirectory, "comments-en.png") });

        await editor.GotoAsync("/notifications");
        await Assertions.Expect(editor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Kyllä, lisään sen huomenna." })).ToContainTextAsync("A reply to your comment");
        await thread.GetByRole(AriaRole.Button, new() { Name = "Reopen" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("article.comment-thread").Filter(new() { HasText = "perheneuvolan jonotieto" })).Not.ToContainTextAsync("resolved by");
    }
}
