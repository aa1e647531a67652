using AlbBuilder.Ec2;
using Amazon.EC2;

namespace AlbBuilder.Provisioning;

/// <summary>
/// Narrows where instances launch to the AZs that offer the lab's instance type: not every AZ offers every type (us-east-1e
/// has no t3), and RunInstances there fails with <c>Unsupported</c>. The load balancer keeps every subnet.
/// </summary>
internal static class InstanceTypeZones
{
    public static async Task<LabNetwork> NarrowAsync(IAmazonEC2 ec2, LabNetwork network, string instanceType, CancellationToken cancellationToken)
    {
        var offered = await Ec2Queries.OfferingZonesAsync(ec2, instanceType, cancellationToken).ConfigureAwait(false);
        if (offered is null)
        {
            // No answer at all (not something EC2 gives): nothing to narrow by.
            return network;
        }

        var usable = network.Subnets.Where(s => offered.Contains(s.AvailabilityZone)).ToList();
        if (usable.Count == 0)
        {
            var zones = string.Join(", ", network.Subnets.Select(s => s.AvailabilityZone));
            throw new AlbLabException(
                $"Instance type {instanceType} is not offered in any Availability Zone of the lab's subnets in region {Region(ec2, network)} ({zones}). " +
                "Pick another instance type with WithInstanceType(...) (aws ec2 describe-instance-type-offerings --location-type availability-zone " +
                $"--filters Name=instance-type,Values={instanceType} lists where it is offered), or pass subnets in AZs that offer it.");
        }

        return network with { InstanceSubnets = usable };
    }

    private static string Region(IAmazonEC2 ec2, LabNetwork network) =>
        ec2.Config?.RegionEndpoint?.SystemName is { Length: > 0 } configured
            ? configured
            : network.Subnets[0].AvailabilityZone[..^1];
}
