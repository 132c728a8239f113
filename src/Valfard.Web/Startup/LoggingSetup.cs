using Serilog;
using Serilog.Events;
using Valfard.Infrastructure;

namespace Valfard.Web.Startup;

public static class LoggingSetup
{
    /// <summary>Serilog to the console and a daily rolling file in the data folder; levels come from configuration.</summary>
    public static void AddValfardLogging(this WebApplicationBuilder builder)
    {
        var logDirectory = Path.Combine(DependencyInjection.DataDirectory(builder.Configuration, builder.Environment.ContentRootPath), "logs");
        var writeFile = builder.Configuration.GetValue("Valfard:LogToFile", true);
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, configuration) =>
        {
            configuration
                .ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            if (writeFile)
            {
                // The file keeps every property (user id, organisation id, trace id) for later investigation.
                configuration.WriteTo.File(Path.Combine(logDirectory, "valfard-.log"), rollingInterval: RollingInterval.Day,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}",
                    retainedFileCountLimit: 31, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
    }
}
