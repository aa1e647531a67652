using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.EC2.Model;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// Puts resources into a LocalCloud as if an earlier start or someone else had made them, and reads the cloud back,
/// through real SDK clients that are not the lab's (so a test's call counts only show the lab's calls).
/// </summary>
internal sealed class CloudSeed(LocalCloud.LocalCloud cloud) : IDisposable
{
    /// <summary>The lab id the seeded "earlier start" used.</summary>
    public const string LabId = "abc123abc123";

    private readonly IAmazonEC2 _ec2 = cloud.CreateEc2Client();
    private readonly IAmazonElasticLoadBalancingV2 _elb = cloud.CreateElasticLoadBalancingV2Client();

    public IAmazonEC2 Ec2 => _ec2;

    /// <summary>The group seeded instances are in (open on port 80), once one was seeded.</summary>
    public string? OpenGroupId { get; private set; }

    public IAmazonElasticLoadBalancingV2 Elb => _elb;

    /// <summary>The ownership tags a start of lab <paramref name="lab"/> puts on a resource of <paramref name="role"/>.</summary>
    public static (string Key, string Value)[] Owned(string role, string lab = "demo", string labId = LabId) =>
    [
        (LabTags.Lab, lab),
        (LabTags.LabId, labId),
        (LabTags.CreatedBy, LabTags.CreatedByValue),
        (LabTags.Role, role),
    ];

    public async Task<string> DefaultVpcIdAsync() =>
        (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Single(v => v.IsDefault == true).VpcId;

    /// <summary>The default subnets in zone order (eu-west-1a, b, c).</summary>
    public async Task<List<Subnet>> SubnetsAsync() =>
        [.. (await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal)];

    public async Task<string> SecurityGroupAsync(string name, params (string Key, string Value)[] tags)
    {
        var response = await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = name,
            Description = "seeded " + name,
            VpcId = await DefaultVpcIdAsync(),
            TagSpecifications = tags.Length == 0 ? null : [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = Ec2Tags(tags) }],
        });
        return response.GroupId;
    }

    /// <summary>
    /// An instance in the first zone, in a group open on port 80 so the lab's health checks reach it, moved to
    /// <paramref name="state"/> (<c>running</c>, <c>stopped</c> or <c>terminated</c>).
    /// </summary>
    public async Task<string> InstanceAsync(string state, params (string Key, string Value)[] tags)
    {
        var subnets = await SubnetsAsync();
        var open = await OpenGroupAsync();
        var response = await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
            InstanceType = InstanceType.T3Micro,
            MinCount = 1,
            MaxCount = 1,
            SubnetId = subnets[0].SubnetId,
            SecurityGroupIds = [open],
            TagSpecifications = tags.Length == 0 ? null : [new TagSpecification { ResourceType = ResourceType.Instance, Tags = Ec2Tags(tags) }],
        });
        var id = response.Reservation.Instances.Single().InstanceId;
        await WaitForStateAsync(id, "running");
        switch (state)
        {
            case "stopped":
                await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
                await WaitForStateAsync(id, "stopped");
                break;
            case "terminated":
                await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
                await WaitForStateAsync(id, "terminated");
                break;
        }

        return id;
    }

    public async Task<string> TargetGroupAsync(string name, params (string Key, string Value)[] tags)
    {
        var response = await _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = name,
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = await DefaultVpcIdAsync(),
            Tags = ElbTags(tags),
        });
        return response.TargetGroups!.Single().TargetGroupArn!;
    }

    public async Task<string> LoadBalancerAsync(string name, params (string Key, string Value)[] tags)
    {
        var subnets = await SubnetsAsync();
        var response = await _elb.CreateLoadBalancerAsync(new Elb.CreateLoadBalancerRequest
        {
            Name = name,
            Subnets = [subnets[0].SubnetId, subnets[1].SubnetId],
            Tags = ElbTags(tags),
        });
        return response.LoadBalancers!.Single().LoadBalancerArn!;
    }

    public async Task<Instance> InstanceAsync(string instanceId) =>
        (await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] })).Reservations.SelectMany(r => r.Instances).Single();

    public async Task<SecurityGroup> GroupAsync(string groupId) =>
        (await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] })).SecurityGroups.Single();

    public async Task<Elb.LoadBalancer> LoadBalancerAsync(string arn) =>
        (await _elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { LoadBalancerArns = [arn] })).LoadBalancers!.Single();

    public async Task<List<string>> RegisteredTargetsAsync(string targetGroupArn) =>
        [.. (await _elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = targetGroupArn })).TargetHealthDescriptions!.Select(d => d.Target!.Id!)];

    public static string? Tag(Instance instance, string key) => instance.Tags?.SingleOrDefault(t => t.Key == key)?.Value;

    public async Task WaitForStateAsync(string instanceId, string state)
    {
        // Instant profile: a state change lands within milliseconds; this polls the emulator, not a lab clock.
        for (var i = 0; i < 500 && (await InstanceAsync(instanceId)).State.Name.Value != state; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(state, (await InstanceAsync(instanceId)).State.Name.Value);
    }

    public void Dispose()
    {
        _ec2.Dispose();
        _elb.Dispose();
    }

    private async Task<string> OpenGroupAsync()
    {
        var existing = await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-name", ["seed-open"])] });
        if (existing.SecurityGroups?.FirstOrDefault() is { } group)
        {
            return group.GroupId;
        }

        var id = OpenGroupId = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "seed-open", Description = "seeded instances", VpcId = await DefaultVpcIdAsync() })).GroupId;
        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = id,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        return id;
    }

    private static List<Tag> Ec2Tags((string Key, string Value)[] tags) => [.. tags.Select(t => new Tag(t.Key, t.Value))];

    private static List<Elb.Tag> ElbTags((string Key, string Value)[] tags) => [.. tags.Select(t => new Elb.Tag { Key = t.Key, Value = t.Value })];
}
