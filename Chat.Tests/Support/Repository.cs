namespace Chat.Tests.Support;

// The checkout the tests run from, for files they use as they are (ops/nginx.conf).
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(string relativePath) => Path.Combine(Root, relativePath);

    static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Chat.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no Chat.sln above {AppContext.BaseDirectory}");
    }
}
