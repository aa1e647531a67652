namespace AlbBuilder.Docs.Tests;

/// <summary>Finds the repository the tests were built from (the folder holding AlbBuilder.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>README.md and every docs/*.md, relative to the root, with '/' separators.</summary>
    public static IReadOnlyList<string> MarkdownFiles() =>
        [
            "README.md",
            .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
                .Select(f => "docs/" + Path.GetFileName(f))
                .Order(StringComparer.Ordinal),
        ];

    /// <summary>samples/Snippets, and this project's Examples/ (snippets that are xunit tests themselves).</summary>
    public static IReadOnlyList<string> SnippetSourceFiles() =>
        [.. new[] { Path.Combine(Root, "samples", "Snippets"), Path.Combine(Root, "tests", "AlbBuilder.Docs.Tests", "Examples") }
            .SelectMany(dir => Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlbBuilder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AlbBuilder.sln above {AppContext.BaseDirectory}.");
    }
}
