using System.Net;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.State;

/// <summary>
/// Private addresses, read from what holds them: an instance until it is terminated, a load balancer's node while the
/// load balancer exists. A terminated instance's address is free again, and a full subnet answers AWS's error
/// instead of spilling into its neighbour. Every caller holds <see cref="Gate"/>.
/// </summary>
internal sealed partial class CloudState
{
    /// <summary>The first host handed out; AWS reserves .0–.3 and the last address, LocalCloud starts at .10.</summary>
    private const uint FirstHost = 10;

    /// <summary>The subnet's free addresses (AWS's <c>AvailableIpAddressCount</c>).</summary>
    public int AvailableIpAddressCount(Subnet subnet) => UsableHosts(subnet) - AddressesIn(subnet).Count;

    /// <summary>How many of <paramref name="max"/> instances the subnet has addresses for, at least <paramref name="min"/>.</summary>
    /// <exception cref="AwsServiceError"><c>InsufficientFreeAddressesInSubnet</c> when not even <paramref name="min"/> fit.</exception>
    public int InstancesWithAddressesIn(Subnet subnet, int min, int max)
    {
        var free = AvailableIpAddressCount(subnet);
        return free >= min ? Math.Min(max, free) : throw SubnetFull(subnet);
    }

    /// <summary>The lowest free address of the subnet (from .10, then .4–.9).</summary>
    /// <exception cref="AwsServiceError"><c>InsufficientFreeAddressesInSubnet</c> when the subnet is full.</exception>
    public IPAddress AllocatePrivateIp(Subnet subnet)
    {
        var used = AddressesIn(subnet);
        var size = (uint)1 << (32 - subnet.PrefixLength);
        var network = ToUInt(subnet.Network);
        for (uint i = 0; i < size - 5; i++)
        {
            // .10 … last-1, then wrap to .4 … .9.
            var host = 4 + ((FirstHost - 4 + i) % (size - 5));
            if (!used.Contains(network + host))
            {
                return FromUInt(network + host);
            }
        }

        throw SubnetFull(subnet);
    }

    private static AwsServiceError SubnetFull(Subnet subnet) => new(
        "InsufficientFreeAddressesInSubnet",
        $"There are not enough free addresses in subnet '{subnet.Id}' to satisfy the requested number of instances.");

    private static int UsableHosts(Subnet subnet) => (1 << (32 - subnet.PrefixLength)) - 5;

    private HashSet<uint> AddressesIn(Subnet subnet)
    {
        var used = new HashSet<uint>();
        foreach (var instance in Instances.Values)
        {
            if (instance.Subnet.Id == subnet.Id && instance.State != InstanceState.Terminated)
            {
                used.Add(ToUInt(instance.PrivateIp));
            }
        }

        foreach (var node in LoadBalancers.Values.SelectMany(lb => lb.Subnets).Where(s => s.SubnetId == subnet.Id))
        {
            used.Add(ToUInt(node.PrivateIp));
        }

        return used;
    }

    private static uint ToUInt(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    private static IPAddress FromUInt(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
}
