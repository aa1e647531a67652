using System.Net;

namespace AlbBuilder.LocalCloud.Ec2;

internal sealed class Subnet
{
    private int _nextHost = 10;

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

    public int AvailableIpAddressCount => (1 << (32 - PrefixLength)) - 5 - (_nextHost - 10);

    /// <summary>Hands out the next private address (AWS reserves the first four and the last one).</summary>
    public IPAddress AllocateAddress()
    {
        var bytes = Network.GetAddressBytes();
        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        value += (uint)_nextHost++;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }
}
