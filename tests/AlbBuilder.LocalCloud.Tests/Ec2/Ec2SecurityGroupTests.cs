using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Tests.Ec2;

public sealed class Ec2SecurityGroupTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _ec2 = _cloud.CreateEc2Client();
    }

    public async Task DisposeAsync()
    {
        _ec2.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task CreateSecurityGroup_WithTags_DescribableByIdNameVpcAndTag()
    {
        var vpcId = await CloudHelpers.DefaultVpcIdAsync(_ec2);
        var created = await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = "lab-alb",
            Description = "ALB",
            VpcId = vpcId,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = [new Tag("lab", "demo")] }],
        });

        foreach (var filter in new[]
        {
            new Filter("group-id", [created.GroupId]),
            new Filter("group-name", ["lab-alb"]),
            new Filter("tag:lab", ["demo"]),
            new Filter("tag-key", ["lab"]),
        })
        {
            var response = await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [filter, new Filter("vpc-id", [vpcId])] });
            var group = Assert.Single(response.SecurityGroups);
            Assert.Equal(created.GroupId, group.GroupId);
            Assert.Equal("ALB", group.Description);
            Assert.Equal("demo", Assert.Single(group.Tags).Value);
        }
    }

    [Fact]
    public async Task DescribeSecurityGroups_DefaultGroupExists_AndCannotBeDeleted()
    {
        var response = await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-name", ["default"])] });
        var group = Assert.Single(response.SecurityGroups);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId }));

        Assert.Equal("CannotDelete", error.ErrorCode);
        Assert.Empty(_cloud.GetInventory().SecurityGroups);
    }

    [Fact]
    public async Task CreateSecurityGroup_SameNameTwice_InvalidGroupDuplicate()
    {
        await CloudHelpers.CreateGroupAsync(_ec2, "twice");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => CloudHelpers.CreateGroupAsync(_ec2, "twice"));

        Assert.Equal("InvalidGroup.Duplicate", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeSecurityGroups_UnknownOrMalformedId_NotFoundOrMalformed()
    {
        var notFound = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["sg-0123456789abcdef0"] }));
        var malformed = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["nope"] }));

        Assert.Equal("InvalidGroup.NotFound", notFound.ErrorCode);
        Assert.Equal("InvalidGroupId.Malformed", malformed.ErrorCode);
    }

    [Fact]
    public async Task AuthorizeIngress_CidrAndGroupRules_DescribedAsIpPermissions()
    {
        var alb = await CloudHelpers.CreateGroupAsync(_ec2, "alb");
        var web = await CloudHelpers.CreateGroupAsync(_ec2, "web");

        await CloudHelpers.AllowFromCidrAsync(_ec2, alb, 80, "0.0.0.0/0");
        await CloudHelpers.AllowFromGroupAsync(_ec2, web, 80, alb);

        var groups = (await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [alb, web] })).SecurityGroups;
        var albRule = Assert.Single(groups.Single(g => g.GroupId == alb).IpPermissions);
        var webRule = Assert.Single(groups.Single(g => g.GroupId == web).IpPermissions);
        Assert.Equal(("tcp", 80, 80), (albRule.IpProtocol, albRule.FromPort, albRule.ToPort));
        Assert.Equal("0.0.0.0/0", Assert.Single(albRule.Ipv4Ranges).CidrIp);
        Assert.Equal(alb, Assert.Single(webRule.UserIdGroupPairs).GroupId);
        Assert.Equal("-1", Assert.Single(groups.Single(g => g.GroupId == web).IpPermissionsEgress).IpProtocol);
    }

    [Fact]
    public async Task AuthorizeIngress_SameRuleTwice_InvalidPermissionDuplicate()
    {
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "dup");
        await CloudHelpers.AllowFromCidrAsync(_ec2, group, 80, "10.0.0.0/8");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => CloudHelpers.AllowFromCidrAsync(_ec2, group, 80, "10.0.0.0/8"));

        Assert.Equal("InvalidPermission.Duplicate", error.ErrorCode);
    }

    [Fact]
    public async Task AuthorizeIngress_UnknownSourceGroup_InvalidGroupNotFound()
    {
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "src");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => CloudHelpers.AllowFromGroupAsync(_ec2, group, 80, "sg-0123456789abcdef0"));

        Assert.Equal("InvalidGroup.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task RevokeIngress_ExistingRule_RemovedAndSecondRevokeNotFound()
    {
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "revoke");
        await CloudHelpers.AllowFromCidrAsync(_ec2, group, 443, "0.0.0.0/0");
        var request = new RevokeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        };

        await _ec2.RevokeSecurityGroupIngressAsync(request);
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RevokeSecurityGroupIngressAsync(request));

        var described = (await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] })).SecurityGroups.Single();
        Assert.Empty(described.IpPermissions ?? []);
        Assert.Equal("InvalidPermission.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task AuthorizeAndRevokeEgress_ChangesEgressRules()
    {
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "egress");
        var allOut = new IpPermission { IpProtocol = "-1", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] };
        var web = new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv4Ranges = [new IpRange { CidrIp = "172.31.0.0/16" }] };

        await _ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = group, IpPermissions = [allOut] });
        await _ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest { GroupId = group, IpPermissions = [web] });

        var described = (await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] })).SecurityGroups.Single();
        var rule = Assert.Single(described.IpPermissionsEgress);
        Assert.Equal(("tcp", 80), (rule.IpProtocol, rule.FromPort));
    }

    [Fact]
    public async Task DeleteSecurityGroup_ReferencedByAnotherGroup_DependencyViolationUntilRevoked()
    {
        var alb = await CloudHelpers.CreateGroupAsync(_ec2, "ref-alb");
        var web = await CloudHelpers.CreateGroupAsync(_ec2, "ref-web");
        await CloudHelpers.AllowFromGroupAsync(_ec2, web, 80, alb);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = alb }));
        await _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = web,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, UserIdGroupPairs = [new UserIdGroupPair { GroupId = alb }] }],
        });
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = alb });
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = web });

        Assert.Equal("DependencyViolation", error.ErrorCode);
        Assert.True(_cloud.GetInventory().IsEmpty);
    }

    [Fact]
    public async Task DeleteSecurityGroup_UsedByInstance_DependencyViolationUntilTerminated()
    {
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "used");
        var instance = (await CloudHelpers.RunAsync(_ec2, 1, null, group))[0];

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }));
        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] });
        await CloudHelpers.WaitForStateAsync(_ec2, instance.InstanceId, "terminated");
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group });

        Assert.Equal("DependencyViolation", error.ErrorCode);
        Assert.True(_cloud.GetInventory().IsEmpty, _cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task DescribeSecurityGroups_Paginated_VisitsEveryGroupOnce()
    {
        for (var i = 0; i < 7; i++)
        {
            await CloudHelpers.CreateGroupAsync(_ec2, "page-" + i);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = 5, NextToken = token });
            seen.AddRange(page.SecurityGroups.Select(g => g.GroupId));
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(8, seen.Count); // 7 + the default group
        Assert.Equal(8, seen.Distinct().Count());
    }
}
