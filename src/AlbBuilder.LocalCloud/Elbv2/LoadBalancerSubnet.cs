using System.Net;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>A load balancer node: its subnet, zone and private address (what SG rules see as the source).</summary>
internal sealed record LoadBalancerSubnet(string SubnetId, string AvailabilityZone, IPAddress PrivateIp);
