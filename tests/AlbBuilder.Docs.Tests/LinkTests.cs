using System.Text.RegularExpressions;

namespace AlbBuilder.Docs.Tests;

/// <summary>Relative links in the docs lead somewhere; the package READMEs have none (nuget.org can't follow them).</summary>
public sealed partial class LinkTests
{
    /// <summary>Pages other branches add (reliability suite, benchmarks); linked before they land.</summary>
    private static readonly HashSet<string> ExpectedFromOtherBranches = new(StringComparer.Ordinal)
    {
        "docs/reliability.md",
        "docs/performance.md",
    };

    public static TheoryData<string> MarkdownFiles() => [.. RepositoryFiles.MarkdownFiles()];

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void RelativeLinks_PointToExistingFilesAndHeadings(string file)
    {
        var problems = new List<string>();
        foreach (var target in Links(RepositoryFiles.Read(file)).Where(IsRelative))
        {
            var (path, anchor) = Split(target);
            var resolved = path.Length == 0
                ? file
                : Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(RepositoryFiles.Root, Path.GetDirectoryName(file)!, path))).Replace('\\', '/');
            var full = Path.Combine(RepositoryFiles.Root, resolved);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                if (!ExpectedFromOtherBranches.Contains(resolved))
                {
                    problems.Add($"{target}: {resolved} does not exist");
                }

                continue;
            }

            if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Headings(File.ReadAllText(full)).Contains(anchor))
            {
                problems.Add($"{target}: no heading #{anchor} in {resolved}");
            }
        }

        Assert.True(problems.Count == 0, $"{file}:\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [InlineData("docs/package-readme.md")]
    [InlineData("docs/package-readme-localcloud.md")]
    [InlineData("docs/package-readme-elbv2.md")]
    [InlineData("docs/package-readme-localcloud-server.md")]
    [InlineData("docs/package-readme-classroom.md")]
    public void PackageReadme_HasNoRelativeLinks(string file)
    {
        var relative = Links(RepositoryFiles.Read(file)).Where(IsRelative).ToList();

        Assert.Empty(relative);
    }

    [Theory]
    [InlineData("src/AlbBuilder/AlbBuilder.csproj", "docs/package-readme.md")]
    [InlineData("src/AlbBuilder.LocalCloud/AlbBuilder.LocalCloud.csproj", "docs/package-readme-localcloud.md")]
    [InlineData("src/AlbBuilder.ElasticLoadBalancingV2/AlbBuilder.ElasticLoadBalancingV2.csproj", "docs/package-readme-elbv2.md")]
    [InlineData("src/AlbBuilder.LocalCloud.Server/AlbBuilder.LocalCloud.Server.csproj", "docs/package-readme-localcloud-server.md")]
    [InlineData("src/AlbBuilder.Classroom/AlbBuilder.Classroom.csproj", "docs/package-readme-classroom.md")]
    public void Package_PacksItsOwnReadme(string project, string readme)
    {
        var csproj = RepositoryFiles.Read(project);

        Assert.Contains($"<None Include=\"../../{readme}\" Pack=\"true\" PackagePath=\"README.md\" />", csproj, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_FollowGitHubSlugs()
    {
        var slugs = Headings("# Waiters and health\n## `GetStatusAsync` and `WaitForHealthyAsync`\n## DuplicateLoadBalancerName / DuplicateTargetGroupName\n## What it costs\n");

        Assert.Equal(["waiters-and-health", "getstatusasync-and-waitforhealthyasync", "duplicateloadbalancername--duplicatetargetgroupname", "what-it-costs"], slugs);
    }

    private static IEnumerable<string> Links(string markdown) =>
        LinkPattern().Matches(StripCode(markdown)).Select(m => m.Groups[1].Value);

    private static bool IsRelative(string target) =>
        !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal);

    private static (string Path, string? Anchor) Split(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static List<string> Headings(string markdown) =>
        [.. StripCode(markdown).Split('\n')
            .Where(l => l.StartsWith('#'))
            .Select(l => l.TrimStart('#').Trim().ToLowerInvariant())
            .Select(h => string.Concat(h.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-'))];

    /// <summary>Removes fenced code blocks, whose brackets and '#' lines are code, not links or headings.</summary>
    private static string StripCode(string markdown) => FencePattern().Replace(markdown.ReplaceLineEndings("\n"), string.Empty);

    [GeneratedRegex(@"\]\(([^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FencePattern();
}
