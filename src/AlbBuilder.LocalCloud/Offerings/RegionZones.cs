namespace AlbBuilder.LocalCloud.Offerings;

/// <summary>
/// The Availability Zones LocalCloud gives a region: AWS's count where it differs from three (us-east-1 has six,
/// us-east-1a–f; us-west-2 has four), three (a–c) elsewhere. Zone ids follow AWS's shape (<c>use1-az1</c>…); real
/// accounts map names to ids differently, so nothing may rely on a particular pairing.
/// </summary>
internal static class RegionZones
{
    private static readonly Dictionary<string, int> _zoneCounts = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = 6,
        ["us-west-2"] = 4,
    };

    public static string[] For(string region)
    {
        var count = _zoneCounts.TryGetValue(region, out var n) ? n : 3;
        return [.. Enumerable.Range(0, count).Select(i => region + (char)('a' + i))];
    }
}
