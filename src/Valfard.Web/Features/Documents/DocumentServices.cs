namespace Valfard.Web.Features.Documents;

/// <summary>The council document: print view, PDF through Chromium and archive.</summary>
public static class DocumentServices
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<ChromiumPdf>();
        services.AddScoped<RazorDocumentRenderer>();
        services.AddScoped<ReportDocumentBuilder>();
        services.AddScoped<ReportPdfService>();
        services.AddScoped<CouncilDocuments>();
        return services;
    }
}
