using System.Diagnostics;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>Runs the app's command line (<c>dotnet Valfard.Web.dll &lt;command&gt; ...</c>) against a test app's database.</summary>
public static class AppCommand
{
    public static ProcessStartInfo StartInfo(ValfardFactory factory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Valfard.Web.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.ArgumentList.Add($"--ConnectionStrings:Valfard=Data Source={factory.DatabasePath}");
        info.ArgumentList.Add($"--Valfard:DataDirectory={Path.GetDirectoryName(factory.DatabasePath)}");
        info.ArgumentList.Add("--Valfard:LogToFile=false");
        info.ArgumentList.Add("--Mail:Mode=Log");
        return info;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(ValfardFactory factory, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(factory, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
