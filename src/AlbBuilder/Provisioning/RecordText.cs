namespace AlbBuilder;

/// <summary>How the public records print their lists in <c>ToString()</c>.</summary>
internal static class RecordText
{
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
