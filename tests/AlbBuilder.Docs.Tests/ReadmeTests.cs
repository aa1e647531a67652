namespace AlbBuilder.Docs.Tests;

public sealed class ReadmeTests
{
    [Fact]
    public void TwoCommandsSection_IsExactlyTheTwoCommands()
    {
        const string expected = """
            ## The two commands

            On a fresh machine with the .NET 10 SDK:

            ```bash
            dotnet run --project samples/ConsoleSample   # the main job: the whole lab on LocalCloud
            dotnet test                                  # every test; no AWS credentials, no internet
            ```
            """;

        Assert.Contains(expected.ReplaceLineEndings("\n"), RepositoryFiles.Read("README.md").ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void DocsIndex_ListsEveryPage()
    {
        var index = RepositoryFiles.Read("docs/README.md");
        var pages = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md")
            .Select(Path.GetFileName)
            .Where(name => name is not "README.md" && !name!.StartsWith("package-readme", StringComparison.Ordinal));

        Assert.All(pages, page => Assert.Contains($"]({page})", index, StringComparison.Ordinal));
    }
}
