using System.Globalization;
using Spectre.Console;

namespace AlbBuilder.Sample.Rendering;

/// <summary>The labs found by their ownership tags.</summary>
internal static class LabListView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<LabSummary> labs, DateTimeOffset now)
    {
        if (labs.Count == 0)
        {
            console.MarkupLine("No labs (no resource carries AlbBuilder's ownership tags).");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Lab", "Lab id", "Expires", "Resources");
        foreach (var lab in labs)
        {
            var expires = lab.ExpiresAt is { } at
                ? $"{at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z{(lab.IsExpired(now) ? " [red](expired)[/]" : string.Empty)}"
                : "[grey]never[/]";
            table.AddRow(
                Markup.Escape(lab.Name),
                Markup.Escape(lab.LabId ?? "-"),
                expires,
                lab.ResourceIds.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
