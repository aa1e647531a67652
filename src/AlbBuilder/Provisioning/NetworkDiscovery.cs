using AlbBuilder.Building;
using AlbBuilder.Ec2;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Provisioning;

/// <summary>Finds the lab's VPC and one subnet per Availability Zone (an ALB needs at least two AZs and at most one subnet in each).</summary>
internal static class NetworkDiscovery
{
    /// <summary>Finds the network, with the subnets that get instances narrowed to the AZs offering the instance type.</summary>
    public static async Task<LabNetwork> DiscoverAsync(IAmazonEC2 ec2, AlbLabDefinition definition, CancellationToken cancellationToken)
    {
        string vpcId;
        IReadOnlyList<LabSubnet> subnets;
        if (definition.SubnetIds.Count > 0)
        {
            // Explicit subnets name their VPC; without InVpc(...) it is theirs, not the default VPC.
            (vpcId, subnets) = await ExplicitSubnetsAsync(ec2, definition.VpcId, definition.SubnetIds, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            vpcId = definition.VpcId ?? await FindDefaultVpcAsync(ec2, cancellationToken).ConfigureAwait(false);
            subnets = await DefaultSubnetsAsync(ec2, vpcId, cancellationToken).ConfigureAwait(false);
        }

        if (subnets.Count < 2)
        {
            throw new AlbLabException(
                $"An Application Load Balancer needs subnets in at least two Availability Zones; VPC {vpcId} offers {subnets.Count} " +
                $"({Describe(subnets)}). Pass one subnet per AZ in two or more AZs with InSubnets(...), or add default subnets (aws ec2 create-default-subnet).");
        }

        return await InstanceTypeZones.NarrowAsync(ec2, new LabNetwork(vpcId, subnets), definition.InstanceType, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> FindDefaultVpcAsync(IAmazonEC2 ec2, CancellationToken cancellationToken)
    {
        var response = await ec2.DescribeVpcsAsync(
            new DescribeVpcsRequest { Filters = [Ec2ModelExtensions.Filter("isDefault", "true")] },
            cancellationToken).ConfigureAwait(false);
        var vpc = response?.Vpcs?.FirstOrDefault(v => !string.IsNullOrEmpty(v.VpcId));
        return vpc?.VpcId
            ?? throw new AlbLabException("This account and region have no default VPC. Pass a VPC with InVpc(\"vpc-…\") and its subnets with InSubnets(...), or create a default VPC (aws ec2 create-default-vpc).");
    }

    private static async Task<IReadOnlyList<LabSubnet>> DefaultSubnetsAsync(IAmazonEC2 ec2, string vpcId, CancellationToken cancellationToken)
    {
        var subnets = await Ec2Queries.DescribeSubnetsAsync(
            ec2,
            new DescribeSubnetsRequest
            {
                Filters = [Ec2ModelExtensions.Filter("vpc-id", vpcId), Ec2ModelExtensions.Filter("default-for-az", "true")],
            },
            cancellationToken).ConfigureAwait(false);

        // At most one default subnet per AZ exists; keep the first per AZ anyway, in AZ order, for a stable spread.
        return [.. subnets
            .Where(s => !string.IsNullOrEmpty(s.SubnetId) && !string.IsNullOrEmpty(s.AvailabilityZone))
            .GroupBy(s => s.AvailabilityZone, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LabSubnet(g.First().SubnetId, g.Key))];
    }

    private static async Task<(string VpcId, IReadOnlyList<LabSubnet> Subnets)> ExplicitSubnetsAsync(IAmazonEC2 ec2, string? expectedVpcId, IReadOnlyList<string> subnetIds, CancellationToken cancellationToken)
    {
        var found = await Ec2Queries.DescribeSubnetsAsync(ec2, new DescribeSubnetsRequest { SubnetIds = [.. subnetIds] }, cancellationToken).ConfigureAwait(false);
        var missing = subnetIds.Where(id => !found.Any(s => s.SubnetId == id)).ToList();
        if (missing.Count > 0)
        {
            throw new AlbLabException($"Subnet(s) not found: {string.Join(", ", missing)}.");
        }

        var vpcIds = found.Select(s => s.VpcId).Distinct(StringComparer.Ordinal).ToList();
        var vpcId = expectedVpcId ?? (vpcIds.Count == 1 ? vpcIds[0] : null)
            ?? throw new AlbLabException($"The subnets are in different VPCs: {string.Join(", ", found.Select(s => $"{s.SubnetId} ({s.VpcId})"))}. Use subnets of one VPC.");
        var foreign = found.Where(s => s.VpcId != vpcId).Select(s => $"{s.SubnetId} ({s.VpcId})").ToList();
        if (foreign.Count > 0)
        {
            throw new AlbLabException($"Subnet(s) not in VPC {vpcId}: {string.Join(", ", foreign)}.");
        }

        var crowded = found.GroupBy(s => s.AvailabilityZone, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (crowded.Count > 0)
        {
            var detail = string.Join("; ", crowded.Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.SubnetId))}"));
            throw new AlbLabException($"An Application Load Balancer takes at most one subnet per Availability Zone; these share one: {detail}.");
        }

        return (vpcId, [.. found.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).Select(s => new LabSubnet(s.SubnetId, s.AvailabilityZone))]);
    }

    private static string Describe(IReadOnlyList<LabSubnet> subnets) =>
        subnets.Count == 0 ? "none" : string.Join(", ", subnets.Select(s => $"{s.SubnetId} in {s.AvailabilityZone}"));
}
