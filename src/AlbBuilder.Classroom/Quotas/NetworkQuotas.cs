using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AlbBuilder.Classroom.Quotas;

/// <summary>
/// The security-group limits: groups per VPC and rules per group (Amazon VPC quotas, which no EC2 call describes, so
/// from <see cref="QuotaLimits"/>), and groups per network interface (EC2 <c>DescribeAccountAttributes</c>).
/// </summary>
internal static class NetworkQuotas
{
    private const string DefaultVpc = "default-vpc";
    private const string GroupsPerInterface = "vpc-max-security-groups-per-interface";
    private const int DefaultGroupsPerInterface = 5;
    private const string VpcQuotas = "Amazon VPC quotas' default (no describe call without Service Quotas); override with QuotaLimits";

    public static async Task<IReadOnlyList<QuotaCheck>> CheckAsync(IAmazonEC2 ec2, ClassroomNeeds needs, QuotaLimits limits, CancellationToken cancellationToken)
    {
        var attributes = await AccountAttributesAsync(ec2, cancellationToken).ConfigureAwait(false);
        var vpcId = needs.VpcId ?? await DefaultVpcIdAsync(ec2, attributes, cancellationToken).ConfigureAwait(false);
        var groups = vpcId is null ? 0 : await CountSecurityGroupsAsync(ec2, vpcId, cancellationToken).ConfigureAwait(false);
        var perInterface = attributes?.GetValueOrDefault(GroupsPerInterface) is { } raw
            && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max)
                ? (Limit: max, Source: "EC2 DescribeAccountAttributes")
                : (Limit: DefaultGroupsPerInterface, Source: "Amazon VPC quotas' default (DescribeAccountAttributes not served)");
        return
        [
            new($"security-groups-per-vpc ({vpcId ?? "no default VPC"})", limits.SecurityGroupsPerVpc, groups, needs.Labs * needs.SecurityGroupsPerLab, VpcQuotas),
            new("rules-per-security-group", limits.RulesPerSecurityGroup, 0, needs.RulesPerSecurityGroup, VpcQuotas + "; each lab's own new groups"),
            new(GroupsPerInterface, perInterface.Limit, 0, needs.SecurityGroupsPerInterface, perInterface.Source),
        ];
    }

    /// <summary>The account's attributes by name, or null when the endpoint does not serve the call.</summary>
    private static async Task<Dictionary<string, string>?> AccountAttributesAsync(IAmazonEC2 ec2, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ec2.DescribeAccountAttributesAsync(
                new DescribeAccountAttributesRequest { AttributeNames = [DefaultVpc, GroupsPerInterface] }, cancellationToken).ConfigureAwait(false);
            return (response?.AccountAttributes ?? [])
                .Where(a => a?.AttributeName is not null && a.AttributeValues is { Count: > 0 })
                .ToDictionary(a => a.AttributeName, a => a.AttributeValues[0]?.AttributeValue ?? string.Empty, StringComparer.Ordinal);
        }
        catch (AmazonServiceException error) when (QuotaPreflight.IsNotServed(error))
        {
            return null;
        }
    }

    private static async Task<string?> DefaultVpcIdAsync(IAmazonEC2 ec2, Dictionary<string, string>? attributes, CancellationToken cancellationToken)
    {
        if (attributes?.GetValueOrDefault(DefaultVpc) is { Length: > 0 } vpc)
        {
            return vpc == "none" ? null : vpc;
        }

        var vpcs = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("isDefault", ["true"])] }, cancellationToken).ConfigureAwait(false);
        return vpcs?.Vpcs?.FirstOrDefault()?.VpcId;
    }

    private static async Task<int> CountSecurityGroupsAsync(IAmazonEC2 ec2, string vpcId, CancellationToken cancellationToken)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await ec2.DescribeSecurityGroupsAsync(
                new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpcId])], NextToken = token }, cancellationToken).ConfigureAwait(false);
            count += page?.SecurityGroups?.Count ?? 0;
            token = page?.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return count;
    }
}
