namespace Valfard.Web.Features.PublicSite;

/// <summary>
/// Public pages are the same for every anonymous visitor, so they are kept in the output cache under one tag and
/// dropped together when something public changes: a report is published or a resident's comment approved.
/// </summary>
public static class PublicCache
{
    public const string Policy = "public";
    public const string Tag = "public-site";

    /// <summary>The query keys a cached public page reads: the front page's search.</summary>
    public static readonly string[] QueryKeys = ["q"];
}
