using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>
/// What a browser would post from one of the app's forms: every field the form carries (hidden versions,
/// antiforgery token, checked boxes, selected options), with the given fields changed.
/// </summary>
public static class FormFields
{
    /// <summary>
    /// Takes the first POST form in <paramref name="html"/> whose action ends with <paramref name="actionEnd"/> and
    /// returns its action and its fields, with <paramref name="fields"/> replacing whatever the form had under those names.
    /// </summary>
    public static (string Action, List<KeyValuePair<string, string>> Values) Fill(string html, string pageUrl, string actionEnd,
        params (string Name, string Value)[] fields)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
                && (f.GetAttribute("action") ?? pageUrl).Split('?')[0].EndsWith(actionEnd, StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, $"{pageUrl} has no form posting to …{actionEnd}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(name, input.Value));
                    }
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        chosen.Add(select.Options[0]);
                    }
                    values.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }
        foreach (var name in fields.Select(f => f.Name).Distinct(StringComparer.Ordinal))
        {
            values.RemoveAll(v => string.Equals(v.Key, name, StringComparison.Ordinal));
        }
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return (form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl, values);
    }

    /// <summary>The validation messages and alerts a page shows, as plain text.</summary>
    public static IReadOnlyList<string> Messages(string html) =>
        [.. new HtmlParser().ParseDocument(html)
            .QuerySelectorAll(".field-validation-error, .validation-summary-errors li, .alert-danger, .alert-warning, #flash, .invalid-feedback")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)];
}
