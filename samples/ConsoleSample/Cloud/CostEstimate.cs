using System.Globalization;

namespace AlbBuilder.Sample.Cloud;

/// <summary>An hourly cost estimate for one lab from <see cref="PriceTable"/>.</summary>
/// <param name="Lines">What costs what per hour.</param>
/// <param name="UnknownInstanceType">The instance type when the table has no price for it.</param>
internal sealed record CostEstimate(IReadOnlyList<(string Item, decimal Hourly)> Lines, string? UnknownInstanceType)
{
    /// <summary>Load balancer nodes with a public address: one per Availability Zone, and a lab uses two.</summary>
    private const int LoadBalancerNodes = 2;

    public decimal Hourly => Lines.Sum(l => l.Hourly);

    public static CostEstimate For(int instances, string instanceType)
    {
        var lines = new List<(string, decimal)>();
        string? unknown = null;
        if (PriceTable.InstanceHourly.TryGetValue(instanceType, out var instancePrice))
        {
            lines.Add((Invariant($"{instances} × {instanceType} at ${instancePrice}/h"), instances * instancePrice));
        }
        else
        {
            unknown = instanceType;
        }

        lines.Add((Invariant($"Application Load Balancer at ${PriceTable.LoadBalancerHourly}/h"), PriceTable.LoadBalancerHourly));
        lines.Add((Invariant($"up to 1 LCU at ${PriceTable.LcuHourly}/h"), PriceTable.LcuHourly));
        var addresses = instances + LoadBalancerNodes;
        lines.Add((Invariant($"{addresses} public IPv4 addresses at ${PriceTable.PublicIpv4Hourly}/h"), addresses * PriceTable.PublicIpv4Hourly));
        return new CostEstimate(lines, unknown);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
