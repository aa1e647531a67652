using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Provisioning;

namespace AlbBuilder.Tests.Provisioning;

[Collection(ProvisioningCollection.Name)]
public sealed class LabFinderTests
{
    [Fact]
    public async Task DescribeTagsAsync_OneResourceGoneMeanwhile_StillReturnsTheOthersTags()
    {
        var aws = new FakeAws();
        var lb = aws.AddLoadBalancer("demo-alb", LabFixture.Owned("load-balancer"));
        var tg = aws.AddTargetGroup("demo-tg", LabFixture.Owned("target-group"));
        aws.FailOn("DescribeTags", new LoadBalancerNotFoundException("One or more resources not found"));

        var tags = await ElbTags.DescribeAsync(aws.Elb, [lb, tg], CancellationToken.None);

        Assert.Equal(3, aws.Count("DescribeTags"));
        Assert.True(ElbTags.Owned(LabFixture.LabName, tags, lb));
        Assert.True(ElbTags.Owned(LabFixture.LabName, tags, tg));
    }

    [Fact]
    public async Task DescribeTagsAsync_MoreThanTwentyArns_AsksTwentyAtATime()
    {
        var aws = new FakeAws();
        var arns = Enumerable.Range(1, 45).Select(i => aws.AddTargetGroup($"tg-{i}", ("k", "v"))).ToList();

        var tags = await ElbTags.DescribeAsync(aws.Elb, arns, CancellationToken.None);

        Assert.Equal(45, tags.Count);
        Assert.Equal([20, 20, 5], aws.Requests<DescribeTagsRequest>().Select(r => r.ResourceArns!.Count));
    }

    [Fact]
    public async Task FindAsync_InstancesWithoutReadableNames_TakeTheLowestFreeIndexes()
    {
        var aws = new FakeAws();
        var named = aws.AddInstance("running", [.. LabFixture.Owned("instance"), ("Name", "demo-2")]);
        var unnamed = aws.AddInstance("stopped", LabFixture.Owned("instance"));
        aws.AddInstance("terminated", [.. LabFixture.Owned("instance"), ("Name", "demo-1")]);

        var found = await LabFinder.FindAsync(aws.Ec2, aws.Elb, LabFixture.Definition(), CancellationToken.None);

        // demo-1 is terminated, so index 1 is free: the unnamed instance (a start interrupted before naming it) takes it.
        Assert.Equal([1, 2], found.Instances.Keys);
        Assert.Equal(named.InstanceId, found.Instances[2].InstanceId);
        Assert.Equal(unnamed.InstanceId, found.Instances[1].InstanceId);
        Assert.Equal("abc123abc123", found.LabId);
    }
}
