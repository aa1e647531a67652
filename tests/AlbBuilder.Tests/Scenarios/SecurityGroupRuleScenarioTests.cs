using Amazon.EC2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// Ingress rules on a re-run: AWS rejects a whole AuthorizeSecurityGroupIngress call with
/// <c>InvalidPermission.Duplicate</c> when one of its rules exists, so a new rule next to an existing one must still land.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class SecurityGroupRuleScenarioTests
{
    private const string DirectCidr = "203.0.113.0/24";

    [Fact]
    public async Task StartAsync_AdoptedLabRerunWithDirectInstanceAccess_AddsTheDirectAccessRule()
    {
        await using var env = await LabCloud.StartAsync();
        var first = env.Lab("demo").WithCleanUp(false).Build();
        await first.StartAsync();

        var second = env.Lab("demo").WithDirectInstanceAccess(DirectCidr).Build();
        await second.StartAsync();

        var group = await InstanceGroupAsync(env, second.Resources.InstanceSecurityGroupId);
        var port = Assert.Single(group.IpPermissions);
        Assert.Equal([DirectCidr], port.Ipv4Ranges.Select(r => r.CidrIp));
        Assert.Equal([second.Resources.LoadBalancerSecurityGroupId], port.UserIdGroupPairs.Select(p => p.GroupId));
        Assert.Equal(LabState.Running, second.State);
    }

    [Fact]
    public async Task StartAsync_FreshLabWithDirectInstanceAccess_SendsOneRulePerCall()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").WithDirectInstanceAccess(DirectCidr).Build();

        await lab.StartAsync();

        var calls = env.Requests<AuthorizeSecurityGroupIngressRequest>();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal(1, c.IpPermissions.Sum(p => (p.Ipv4Ranges?.Count ?? 0) + (p.UserIdGroupPairs?.Count ?? 0))));
        var group = await InstanceGroupAsync(env, lab.Resources.InstanceSecurityGroupId);
        Assert.Equal(2, group.IpPermissions.Sum(p => p.Ipv4Ranges.Count + p.UserIdGroupPairs.Count));
    }

    private static async Task<SecurityGroup> InstanceGroupAsync(LabCloud env, string? groupId) =>
        (await env.Seed.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId!] })).SecurityGroups.Single();
}
