namespace Valfard.Web.Tests.Indicators;

/// <summary>
/// Real Sotkanet answers kept outside the repository, in <c>../shared/sotkanet-real/</c> next to the folder holding
/// Valfard.sln (see its README for where each file comes from). They are read in place, never copied in.
/// </summary>
public static class RealSotkanetFiles
{
    public static string? Folder { get; } = Find();

    public static string SkipReason =>
        $"Skipped: the real Sotkanet files were not found at ../shared/sotkanet-real/ next to the repository holding Valfard.sln (looked up from {AppContext.BaseDirectory}).";

    public static string PathOf(string name) =>
        System.IO.Path.Combine(Folder ?? throw new InvalidOperationException(SkipReason), name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Valfard.sln")))
            {
                var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "sotkanet-real"));
                return Directory.Exists(folder) ? folder : null;
            }
        }
        return null;
    }
}

/// <summary>A fact over the real Sotkanet files; reported as skipped, with the reason, when the folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealSotkanetFactAttribute : FactAttribute
{
    public RealSotkanetFactAttribute()
    {
        if (RealSotkanetFiles.Folder is null)
        {
            Skip = RealSotkanetFiles.SkipReason;
        }
    }
}
