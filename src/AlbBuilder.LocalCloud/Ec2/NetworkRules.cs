using System.Net;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>Evaluates security-group rules the way the VPC does for TCP traffic.</summary>
internal static class NetworkRules
{
    /// <summary>True when one of <paramref name="groups"/> admits TCP <paramref name="port"/> from the source.</summary>
    public static bool AdmitsIngress(
        IEnumerable<SecurityGroup> groups,
        int port,
        IPAddress sourceIp,
        IReadOnlyCollection<string> sourceGroupIds) =>
        groups.Any(g => g.Ingress.Any(r => r.CoversPort(port) && Matches(r, sourceIp, sourceGroupIds)));

    /// <summary>True when one of <paramref name="groups"/> lets TCP <paramref name="port"/> out to the destination.</summary>
    public static bool AdmitsEgress(
        IEnumerable<SecurityGroup> groups,
        int port,
        IPAddress destinationIp,
        IReadOnlyCollection<string> destinationGroupIds) =>
        groups.Any(g => g.Egress.Any(r => r.CoversPort(port) && Matches(r, destinationIp, destinationGroupIds)));

    public static bool CidrContains(string cidr, IPAddress address) =>
        IPNetwork.TryParse(cidr, out var network) && network.Contains(address);

    private static bool Matches(SecurityGroupRule rule, IPAddress peerIp, IReadOnlyCollection<string> peerGroupIds) =>
        (rule.CidrIp is not null && CidrContains(rule.CidrIp, peerIp))
        || (rule.GroupId is not null && peerGroupIds.Contains(rule.GroupId));
}
