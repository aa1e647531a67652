namespace AlbBuilder.Provisioning;

/// <summary>
/// Where the lab lives: a VPC and one subnet per Availability Zone (at least two), sorted by AZ. The load balancer spans
/// every subnet; instances launch only in <see cref="InstanceSubnets"/>, the AZs that offer the instance type.
/// </summary>
internal sealed record LabNetwork(string VpcId, IReadOnlyList<LabSubnet> Subnets)
{
    /// <summary>Gets the subnets whose AZ offers the lab's instance type (all of them unless narrowed).</summary>
    public IReadOnlyList<LabSubnet> InstanceSubnets { get; init; } = Subnets;

    /// <summary>Gets the AZs the load balancer spans but no instance launches in, because they lack the instance type.</summary>
    public IReadOnlyList<string> SkippedZones =>
        [.. Subnets.Where(s => !InstanceSubnets.Contains(s)).Select(s => s.AvailabilityZone)];
}
