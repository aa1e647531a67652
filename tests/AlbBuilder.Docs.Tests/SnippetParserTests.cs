namespace AlbBuilder.Docs.Tests;

public sealed class SnippetParserTests
{
    [Fact]
    public void ParseRegions_DedentsAndKeepsInnerIndentation()
    {
        const string source = "class C\n{\n    void M()\n    {\n        #region snippet:demo\n        if (x)\n        {\n            y();\n        }\n\n        z();   \n        #endregion\n    }\n}\n";

        var snippet = Assert.Single(SnippetParser.ParseRegions(source, "C.cs"));

        Assert.Equal("demo", snippet.Name);
        Assert.Equal("if (x)\n{\n    y();\n}\n\nz();", snippet.Code);
        Assert.Equal("C.cs:5", snippet.Location);
    }

    [Fact]
    public void ParseRegions_IgnoresOrdinaryRegions()
    {
        Assert.Empty(SnippetParser.ParseRegions("#region helpers\nint x;\n#endregion\n", "C.cs"));
    }

    [Fact]
    public void ParseRegions_UnclosedRegion_Throws()
    {
        var e = Assert.Throws<FormatException>(() => SnippetParser.ParseRegions("#region snippet:open\nint x;\n", "C.cs"));

        Assert.Contains("snippet:open", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseMarkdown_ReadsOnlyMarkedCsharpBlocks()
    {
        const string markdown = "# T\n\n```csharp\nunmarked();\n```\n\n<!-- snippet: one -->\n```csharp\na();\n  b();\n```\n";

        var snippet = Assert.Single(SnippetParser.ParseMarkdown(markdown, "x.md"));

        Assert.Equal("one", snippet.Name);
        Assert.Equal("a();\n  b();", snippet.Code);
    }

    [Fact]
    public void ParseMarkdown_MarkerNotFollowedByACsharpBlock_Throws()
    {
        var e = Assert.Throws<FormatException>(() => SnippetParser.ParseMarkdown("<!-- snippet: lost -->\n\nText.\n", "x.md"));

        Assert.Contains("x.md:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseMarkdown_CrLfFile_MatchesLfRegion()
    {
        var snippet = Assert.Single(SnippetParser.ParseMarkdown("<!-- snippet: crlf -->\r\n```csharp\r\na();\r\n```\r\n", "x.md"));

        Assert.Equal("a();", snippet.Code);
    }
}
