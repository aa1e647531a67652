using System.Net;

namespace AlbBuilder.LocalCloud.Ec2;

internal sealed class Subnet
{
    public required string Id { get; init; }

    public required string VpcId { get; init; }

    public required string AvailabilityZone { get; init; }

    public required string AvailabilityZoneId { get; init; }

    /// <summary>Gets the subnet's network address; the subnet is a /20 as AWS's default subnets are.</summary>
    public required IPAddress Network { get; init; }

    public int PrefixLength { get; init; } = 20;

    public bool DefaultForAz { get; init; }

    public bool MapPublicIpOnLaunch { get; init; } = true;

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public string CidrBlock => $"{Network}/{PrefixLength}";
}
