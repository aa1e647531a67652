namespace AlbBuilder.Docs.Tests;

/// <summary>The docs' C# blocks are copies of compiled code: a block marked as a snippet must equal its region.</summary>
public sealed class SnippetTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, Snippet>> Regions = new(LoadRegions);

    public static TheoryData<string> MarkdownFiles() => [.. RepositoryFiles.MarkdownFiles()];

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void MarkedCodeBlocks_MatchTheirRegionExactly(string file)
    {
        var blocks = SnippetParser.ParseMarkdown(RepositoryFiles.Read(file), file);

        foreach (var block in blocks)
        {
            Assert.True(Regions.Value.TryGetValue(block.Name, out var region), $"{block.Location}: no #region snippet:{block.Name} in samples/Snippets.");
            Assert.True(
                region.Code == block.Code,
                $"{block.Location}: the block differs from {region.Location}. Copy the region into the doc.\n--- region\n{region.Code}\n--- doc\n{block.Code}");
        }
    }

    [Fact]
    public void EveryRegion_IsUsedByADoc()
    {
        var used = RepositoryFiles.MarkdownFiles()
            .SelectMany(f => SnippetParser.ParseMarkdown(RepositoryFiles.Read(f), f))
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);

        var unused = Regions.Value.Values.Where(r => !used.Contains(r.Name)).Select(r => $"{r.Name} ({r.Location})");

        Assert.Empty(unused);
    }

    [Fact]
    public void TheReadmeAndGettingStarted_ShowSnippets()
    {
        // The pages a newcomer reads first must not drift.
        Assert.Contains(SnippetParser.ParseMarkdown(RepositoryFiles.Read("README.md"), "README.md"), s => s.Name == "readme-quickstart");
        var gettingStarted = SnippetParser.ParseMarkdown(RepositoryFiles.Read("docs/getting-started.md"), "docs/getting-started.md");
        Assert.Contains(gettingStarted, s => s.Name == "getting-started-local");
        Assert.Contains(gettingStarted, s => s.Name == "getting-started-aws");
    }

    private static IReadOnlyDictionary<string, Snippet> LoadRegions()
    {
        var regions = new Dictionary<string, Snippet>(StringComparer.Ordinal);
        foreach (var file in RepositoryFiles.SnippetSourceFiles())
        {
            foreach (var region in SnippetParser.ParseRegions(File.ReadAllText(file), Path.GetRelativePath(RepositoryFiles.Root, file)))
            {
                if (!regions.TryAdd(region.Name, region))
                {
                    throw new InvalidOperationException($"Snippet {region.Name} is defined twice: {regions[region.Name].Location} and {region.Location}.");
                }
            }
        }

        return regions;
    }
}
