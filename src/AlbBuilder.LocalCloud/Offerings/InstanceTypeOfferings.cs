namespace AlbBuilder.LocalCloud.Offerings;

/// <summary>
/// Which instance types each zone offers. A small catalogue of common types, offered in every zone except where AWS
/// is known not to: us-east-1e has no t3 types ("Your requested instance type (t3.micro) is not supported in your
/// requested Availability Zone (us-east-1e)"), us-west-2d no t2 types. RunInstances refuses only those known gaps, so a
/// type outside the catalogue still launches anywhere.
/// </summary>
internal static class InstanceTypeOfferings
{
    /// <summary>Zone → instance families it does not offer (sources in docs/aws-behaviours.md).</summary>
    private static readonly Dictionary<string, string[]> _missingFamilies = new(StringComparer.Ordinal)
    {
        ["us-east-1e"] = ["t3"],
        ["us-west-2d"] = ["t2"],
    };

    private static readonly string[] _burstableSizes = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"];

    private static readonly string[] _fixedSizes = ["large", "xlarge", "2xlarge", "4xlarge"];

    /// <summary>Gets the instance types DescribeInstanceTypeOfferings lists, sorted.</summary>
    public static IReadOnlyList<string> Catalogue { get; } =
    [
        .. new[] { "t2", "t3", "t3a", "t4g" }.SelectMany(f => _burstableSizes.Select(s => $"{f}.{s}"))
            .Concat(new[] { "m5", "m6i", "m7i", "m7g", "c5", "c6i", "c7i", "r5", "r6i" }.SelectMany(f => _fixedSizes.Select(s => $"{f}.{s}")))
            .Concat(["t1.micro", "m1.small", "m1.medium", "c1.medium"])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Whether <paramref name="zone"/> offers <paramref name="instanceType"/> (types outside the catalogue included).</summary>
    public static bool Offers(string zone, string instanceType)
    {
        var family = instanceType.Split('.')[0];
        return !(_missingFamilies.TryGetValue(zone, out var missing) && missing.Contains(family, StringComparer.Ordinal));
    }
}
