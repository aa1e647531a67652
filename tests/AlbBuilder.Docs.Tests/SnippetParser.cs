using System.Text.RegularExpressions;

namespace AlbBuilder.Docs.Tests;

/// <summary>
/// Reads snippets from both sides: <c>#region snippet:name</c> … <c>#endregion</c> in C# sources, and a
/// <c>&lt;!-- snippet: name --&gt;</c> line followed by a <c>```csharp</c> block in Markdown.
/// </summary>
internal static partial class SnippetParser
{
    /// <summary>The regions of a C# file, dedented by their common indentation.</summary>
    public static IReadOnlyList<Snippet> ParseRegions(string source, string path)
    {
        var lines = SplitLines(source);
        var snippets = new List<Snippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var start = RegionStart().Match(lines[i]);
            if (!start.Success)
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "#endregion");
            if (end < 0)
            {
                throw new FormatException($"{path}:{i + 1}: #region snippet:{start.Groups[1].Value} has no #endregion.");
            }

            snippets.Add(new(start.Groups[1].Value, Dedent(lines[(i + 1)..end]), $"{path}:{i + 1}"));
            i = end;
        }

        return snippets;
    }

    /// <summary>The marked code blocks of a Markdown file.</summary>
    public static IReadOnlyList<Snippet> ParseMarkdown(string markdown, string path)
    {
        var lines = SplitLines(markdown);
        var snippets = new List<Snippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = MarkdownMarker().Match(lines[i]);
            if (!marker.Success)
            {
                continue;
            }

            var name = marker.Groups[1].Value;
            var open = i + 1;
            if (open >= lines.Length || lines[open].Trim() != "```csharp")
            {
                throw new FormatException($"{path}:{i + 1}: <!-- snippet: {name} --> must be followed directly by a ```csharp line.");
            }

            var close = Array.FindIndex(lines, open + 1, l => l.TrimEnd() == "```");
            if (close < 0)
            {
                throw new FormatException($"{path}:{open + 1}: the code block of snippet {name} is not closed.");
            }

            snippets.Add(new(name, string.Join('\n', lines[(open + 1)..close]), $"{path}:{open + 2}"));
            i = close;
        }

        return snippets;
    }

    /// <summary>Removes the indentation every non-blank line shares, and trailing blanks.</summary>
    public static string Dedent(IReadOnlyList<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..].TrimEnd()));
    }

    private static string[] SplitLines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    [GeneratedRegex(@"^\s*#region snippet:([A-Za-z0-9\-]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*([A-Za-z0-9\-]+)\s*-->\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownMarker();
}
