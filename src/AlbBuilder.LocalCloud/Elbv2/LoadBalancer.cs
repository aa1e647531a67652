namespace AlbBuilder.LocalCloud.Elbv2;

internal sealed class LoadBalancer
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public required string DnsName { get; init; }

    public required string VpcId { get; init; }

    public required string Scheme { get; init; }

    public string Type { get; init; } = "application";

    public string IpAddressType { get; init; } = "ipv4";

    public required DateTimeOffset CreatedTime { get; init; }

    public required List<LoadBalancerSubnet> Subnets { get; init; }

    public required List<string> SecurityGroups { get; init; }

    public LoadBalancerState State { get; set; } = LoadBalancerState.Provisioning;

    /// <summary>Gets or sets a value indicating whether DeleteLoadBalancer was called; it disappears after the deletion latency.</summary>
    public bool Deleting { get; set; }

    /// <summary>Gets a value indicating whether the load balancer serves clients: active and not being deleted.</summary>
    public bool IsActive => !Deleting && State == LoadBalancerState.Active;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the id part of the ARN (<c>app/name/hex</c>).</summary>
    public string ArnSuffix => Arn[(Arn.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..];
}
