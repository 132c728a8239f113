using Serilog;
using Valfard.Web.Startup;
// A plain logger for start-up failures; the configured one replaces it inside the host (see LoggingSetup).
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();

try
{
    if (Commands.IsCommand(args))
    {
        // backup / import: an operation on the configured database, without the web server.
        Environment.ExitCode = await Commands.RunAsync(args);
        return;
    }
    var builder = WebApplication.CreateBuilder(args);
    builder.AddValfardLogging();
    builder.Services.AddValfardWeb(builder.Configuration, builder.Environment);

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseValfardPipeline();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Valfard stopped because of an error at start-up");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so WebApplicationFactory in the tests can start the app.</summary>
public partial class Program;
