using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Ec2;

/// <summary>Paged EC2 describe calls (manual NextToken loops: the SDK's paginators can't be mocked).</summary>
internal static class Ec2Queries
{
    public static async Task<IReadOnlyList<Instance>> DescribeInstancesAsync(IAmazonEC2 ec2, List<Filter> filters, CancellationToken cancellationToken)
    {
        var result = new List<Instance>();
        string? token = null;
        do
        {
            var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = filters, NextToken = token }, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                break;
            }

            result.AddRange(response.Reservations.AllInstances());
            token = response.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return result;
    }

    public static async Task<IReadOnlyList<SecurityGroup>> DescribeSecurityGroupsAsync(IAmazonEC2 ec2, List<Filter> filters, CancellationToken cancellationToken)
    {
        var result = new List<SecurityGroup>();
        string? token = null;
        do
        {
            var response = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = filters, NextToken = token }, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                break;
            }

            result.AddRange(response.SecurityGroups ?? []);
            token = response.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return result;
    }

    public static async Task<IReadOnlyList<Subnet>> DescribeSubnetsAsync(IAmazonEC2 ec2, DescribeSubnetsRequest request, CancellationToken cancellationToken)
    {
        var result = new List<Subnet>();
        do
        {
            var response = await ec2.DescribeSubnetsAsync(request, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                break;
            }

            result.AddRange(response.Subnets ?? []);
            request.NextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));
        return result;
    }

    /// <summary>
    /// The Availability Zones that offer <paramref name="instanceType"/> (DescribeInstanceTypeOfferings by zone); null
    /// when the service gave no answer at all.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> OfferingZonesAsync(IAmazonEC2 ec2, string instanceType, CancellationToken cancellationToken)
    {
        var request = new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = LocationType.AvailabilityZone,
            Filters = [Ec2ModelExtensions.Filter("instance-type", instanceType)],
        };
        HashSet<string>? zones = null;
        do
        {
            var response = await ec2.DescribeInstanceTypeOfferingsAsync(request, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                break;
            }

            zones ??= new HashSet<string>(StringComparer.Ordinal);
            zones.UnionWith((response.InstanceTypeOfferings ?? []).Select(o => o.Location).OfType<string>());
            request.NextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));
        return zones;
    }
}
