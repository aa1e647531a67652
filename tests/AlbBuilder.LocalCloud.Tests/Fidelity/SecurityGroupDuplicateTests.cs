using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Tests.Fidelity;

/// <summary>AWS rejects a whole AuthorizeSecurityGroupIngress call when one of its rules already exists.</summary>
public sealed class SecurityGroupDuplicateTests : IAsyncLifetime
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
    public async Task AuthorizeIngress_OneExistingRuleAmongNewOnes_DuplicateAndNothingAdded()
    {
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "web");
        await CloudHelpers.AllowFromCidrAsync(_ec2, group, 80, "10.0.0.0/8");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }, new IpRange { CidrIp = "192.168.0.0/16" }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] },
            ],
        }));

        Assert.Equal("InvalidPermission.Duplicate", error.ErrorCode);
        var rules = (await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] })).SecurityGroups.Single().IpPermissions;
        Assert.Equal(["10.0.0.0/8"], rules.SelectMany(p => p.Ipv4Ranges).Select(r => r.CidrIp));
    }

    [Fact]
    public async Task AuthorizeIngress_ExistingRuleWithAnotherDescription_StillDuplicate()
    {
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "described");
        await CloudHelpers.AllowFromCidrAsync(_ec2, group, 80, "10.0.0.0/8");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8", Description = "another" }] }],
        }));

        Assert.Equal("InvalidPermission.Duplicate", error.ErrorCode);
    }
}
