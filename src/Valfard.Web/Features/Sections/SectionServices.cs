namespace Valfard.Web.Features.Sections;

/// <summary>The section editor, its revisions and comments.</summary>
public static class SectionServices
{
    public static IServiceCollection AddSections(this IServiceCollection services)
    {
        services.AddScoped<SectionWriting>();
        services.AddScoped<RevisionHistory>();
        services.AddScoped<CommentService>();
        return services;
    }
}
