namespace AlbBuilder.Sample.Cloud;

/// <summary>
/// On-demand prices the cost estimate uses, us-east-1 (N. Virginia), Linux. Prices change and differ per region:
/// they are a dated snapshot for a rough figure, not a quote.
/// </summary>
internal static class PriceTable
{
    /// <summary>When these prices were taken; printed next to every estimate.</summary>
    public const string AsOf = "2026-11-25";

    public const string Region = "us-east-1";

    /// <summary>USD per instance-hour, by instance type.</summary>
    public static IReadOnlyDictionary<string, decimal> InstanceHourly { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["t3.micro"] = 0.0104m,
        ["t3.small"] = 0.0208m,
        ["t3.medium"] = 0.0416m,
    };

    /// <summary>USD per Application Load Balancer-hour.</summary>
    public const decimal LoadBalancerHourly = 0.0225m;

    /// <summary>USD per LCU-hour; a lab's trickle of requests stays well under one LCU.</summary>
    public const decimal LcuHourly = 0.008m;

    /// <summary>USD per in-use public IPv4 address-hour (charged since February 2024): one per instance, one per load balancer node.</summary>
    public const decimal PublicIpv4Hourly = 0.005m;
}
