namespace AlbBuilder.Sample.Planning;

/// <summary>
/// The ARN partition of a region: <c>aws-cn</c> for China (cn-north-1, cn-northwest-1), <c>aws-us-gov</c> for
/// GovCloud (us-gov-west-1, us-gov-east-1), the isolated partitions by their prefixes, <c>aws</c> for every other
/// region. A policy whose ARNs name another partition matches nothing there.
/// </summary>
internal static class IamPartition
{
    public const string Commercial = "aws";

    // Longest prefix first: us-isob- before us-iso-.
    private static readonly (string Prefix, string Partition)[] Prefixes =
    [
        ("cn-", "aws-cn"),
        ("us-gov-", "aws-us-gov"),
        ("us-isob-", "aws-iso-b"),
        ("us-isof-", "aws-iso-f"),
        ("us-iso-", "aws-iso"),
        ("eu-isoe-", "aws-iso-e"),
    ];

    /// <summary>The partition of <paramref name="region"/>; <c>aws</c> when it is null or empty.</summary>
    public static string Of(string? region) =>
        string.IsNullOrWhiteSpace(region)
            ? Commercial
            : Prefixes.FirstOrDefault(p => region.Trim().StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase)).Partition ?? Commercial;
}
