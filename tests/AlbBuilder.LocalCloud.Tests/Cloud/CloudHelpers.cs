using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Tests.Cloud;

internal static class CloudHelpers
{
    public const string Al2023 = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

    public static async Task<List<Subnet>> DefaultSubnetsAsync(IAmazonEC2 ec2)
    {
        var response = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new Filter("default-for-az", ["true"])],
        });
        return [.. response.Subnets.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal)];
    }

    public static async Task<string> DefaultVpcIdAsync(IAmazonEC2 ec2)
    {
        var response = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] });
        return response.Vpcs.Single().VpcId;
    }

    public static async Task<string> CreateGroupAsync(IAmazonEC2 ec2, string name)
    {
        var response = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = name,
            Description = "test group " + name,
            VpcId = await DefaultVpcIdAsync(ec2),
        });
        return response.GroupId;
    }

    public static Task AllowFromCidrAsync(IAmazonEC2 ec2, string groupId, int port, string cidr) =>
        ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr }] }],
        });

    public static Task AllowFromGroupAsync(IAmazonEC2 ec2, string groupId, int port, string sourceGroupId) =>
        ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, UserIdGroupPairs = [new UserIdGroupPair { GroupId = sourceGroupId }] }],
        });

    public static async Task<List<Instance>> RunAsync(IAmazonEC2 ec2, int count, string? subnetId = null, params string[] groupIds)
    {
        var response = await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = Al2023,
            MinCount = count,
            MaxCount = count,
            InstanceType = InstanceType.T3Micro,
            SubnetId = subnetId,
            SecurityGroupIds = groupIds.Length == 0 ? null : [.. groupIds],
        });
        return response.Reservation.Instances;
    }

    public static async Task<Instance> DescribeAsync(IAmazonEC2 ec2, string instanceId)
    {
        var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
        return response.Reservations.SelectMany(r => r.Instances).Single();
    }

    public static Task<Instance> WaitForStateAsync(IAmazonEC2 ec2, string instanceId, string state) =>
        Poll.UntilAsync(() => DescribeAsync(ec2, instanceId), i => i.State.Name.Value == state, $"{instanceId} {state}");
}
