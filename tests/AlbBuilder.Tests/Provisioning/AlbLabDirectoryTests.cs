namespace AlbBuilder.Tests.Provisioning;

[Collection(ProvisioningCollection.Name)]
public sealed class AlbLabDirectoryTests
{
    [Fact]
    public async Task ListAsync_TwoLabsAndForeignResources_ListsOnlyTheLabsWithTheirResources()
    {
        var aws = new FakeAws();
        var demo = LabFixture.Lab(aws, LabFixture.Definition(cleanUp: false) with { TimeToLive = TimeSpan.FromHours(1) });
        await demo.StartAsync();
        var otherGroup = aws.AddSecurityGroup("other-alb-sg", (LabTags.Lab, "other"), (LabTags.CreatedBy, LabTags.CreatedByValue), (LabTags.Role, "load-balancer-sg"));
        var other = aws.AddInstance("running", (LabTags.Lab, "other"), (LabTags.LabId, "ffff00001111"), (LabTags.CreatedBy, LabTags.CreatedByValue), (LabTags.Role, "instance"));
        aws.AddInstance("running", (LabTags.Lab, "hand-made"));
        aws.AddLoadBalancer("unrelated-alb", ("team", "x"));

        var labs = await AlbLabDirectory.ListAsync(aws.Ec2, aws.Elb);

        Assert.Equal(["demo", "other"], labs.Select(l => l.Name));
        var demoSummary = labs[0];
        Assert.Equal(demo.Resources.LabId, demoSummary.LabId);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero), demoSummary.ExpiresAt);
        Assert.Equal(6, demoSummary.ResourceIds.Count); // 2 groups, 2 instances, load balancer, target group
        Assert.Contains(demo.Resources.LoadBalancerArn, demoSummary.ResourceIds);
        Assert.Contains(demo.Resources.TargetGroupArn, demoSummary.ResourceIds);
        Assert.False(demoSummary.IsExpired(new DateTimeOffset(2026, 11, 25, 12, 59, 0, TimeSpan.Zero)));
        Assert.True(demoSummary.IsExpired(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero)));
        Assert.Equal([otherGroup.GroupId, other.InstanceId], labs[1].ResourceIds);
        Assert.Equal("ffff00001111", labs[1].LabId);
        Assert.Null(labs[1].ExpiresAt);
    }
}
