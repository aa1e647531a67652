using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.EC2.Model;

namespace AlbBuilder.Tests.Provisioning;

[Collection(ProvisioningCollection.Name)]
public sealed class AdoptionTests
{
    [Fact]
    public async Task StartAsync_CompleteLabAlreadyExists_ReusesEverythingAndCreatesNothing()
    {
        var aws = new FakeAws();
        var first = LabFixture.Lab(aws, LabFixture.Definition(cleanUp: false));
        await first.StartAsync();
        var before = aws.Calls.Count;

        var second = LabFixture.Lab(aws);
        await second.StartAsync();

        var ops = aws.Operations.Skip(before).ToList();
        Assert.DoesNotContain(ops, o => o.StartsWith("Create", StringComparison.Ordinal) || o == "RunInstances");
        Assert.Equal(LabFixture.Describe(first.Resources), LabFixture.Describe(second.Resources));
        Assert.Equal(LabState.Running, second.State);
        Assert.Single(aws.LoadBalancers);
        Assert.Equal(2, aws.LiveInstances().Count);
    }

    [Fact]
    public async Task StartAsync_PartialLab_CreatesOnlyWhatIsMissingAndKeepsTheLabId()
    {
        var aws = new FakeAws();
        var albGroup = aws.AddSecurityGroup("demo-alb-sg", LabFixture.Owned("load-balancer-sg"));
        var instance = aws.AddInstance("running", [.. LabFixture.Owned("instance"), ("Name", "demo-1")]);
        var targetGroup = aws.AddTargetGroup("demo-tg", LabFixture.Owned("target-group"));
        var lab = LabFixture.Lab(aws, LabFixture.Definition(instances: 3));

        await lab.StartAsync();

        Assert.Equal("abc123abc123", lab.Resources.LabId);
        Assert.Equal(albGroup.GroupId, lab.Resources.LoadBalancerSecurityGroupId);
        Assert.Equal(targetGroup, lab.Resources.TargetGroupArn);
        Assert.Equal(instance.InstanceId, lab.Resources.InstanceIds[0]);
        Assert.Equal(3, lab.Resources.InstanceIds.Count);

        Assert.Equal(["demo-instances-sg"], aws.Requests<CreateSecurityGroupRequest>().Select(r => r.GroupName));
        Assert.Equal(0, aws.Count("CreateTargetGroup"));
        Assert.Equal(1, aws.Count("CreateLoadBalancer"));

        // Instances 2 and 3 are the missing ones, launched in the second and third AZ with their Names at launch.
        var runs = aws.Requests<RunInstancesRequest>();
        Assert.Equal(["subnet-eu-west-1b", "subnet-eu-west-1c"], runs.Select(r => r.SubnetId).Order());
        Assert.All(runs, r => Assert.Equal("abc123abc123", r.TagSpecifications[0].Tags.Single(t => t.Key == LabTags.LabId).Value));
        Assert.Equal(["demo-1", "demo-2", "demo-3"], lab.Resources.InstanceIds.Select(id => aws.Instances[id].Tags.Single(t => t.Key == "Name").Value));
        Assert.Equal(3, aws.Registered[targetGroup].Count);
    }

    [Fact]
    public async Task StartAsync_AdoptedStoppedInstance_IsStartedBeforeRegistration()
    {
        var aws = new FakeAws();
        var stopped = aws.AddInstance("stopped", [.. LabFixture.Owned("instance"), ("Name", "demo-1")]);
        var lab = LabFixture.Lab(aws, LabFixture.Definition(instances: 1));

        await lab.StartAsync();

        Assert.Equal([stopped.InstanceId], aws.Requests<StartInstancesRequest>().Single().InstanceIds);
        Assert.True(aws.IndexOf("StartInstances") < aws.IndexOf("RegisterTargets"));
        Assert.Equal(0, aws.Count("RunInstances"));
    }

    [Fact]
    public async Task StartAsync_FailureWhileCompletingALab_RollsBackOnlyWhatThisStartCreated()
    {
        var aws = new FakeAws();
        var albGroup = aws.AddSecurityGroup("demo-alb-sg", LabFixture.Owned("load-balancer-sg"));
        var targetGroup = aws.AddTargetGroup("demo-tg", LabFixture.Owned("target-group"));
        aws.FailOn("CreateListener", new AlbBuilder.ElasticLoadBalancingV2.AmazonElasticLoadBalancingV2Exception("boom"));
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.True(aws.SecurityGroups.ContainsKey(albGroup.GroupId));
        Assert.True(aws.TargetGroups.ContainsKey(targetGroup));
        Assert.Single(aws.SecurityGroups);
        Assert.Empty(aws.LoadBalancers);
        Assert.DoesNotContain(ex.Created, c => c.Id == albGroup.GroupId);
        Assert.Equal(albGroup.GroupId, lab.Resources.LoadBalancerSecurityGroupId);
        Assert.Null(lab.Resources.LoadBalancerArn);
    }

    [Fact]
    public async Task AttachAsync_ExistingLab_FindsItWithoutCreatingAnything()
    {
        var aws = new FakeAws();
        var first = LabFixture.Lab(aws, LabFixture.Definition(cleanUp: false));
        await first.StartAsync();
        var before = aws.Calls.Count;

        var attached = LabFixture.Lab(aws);
        var found = await attached.AttachAsync();

        Assert.True(found);
        Assert.Equal(LabState.Attached, attached.State);
        Assert.Equal(LabFixture.Describe(first.Resources), LabFixture.Describe(attached.Resources));
        Assert.Equal(first.Url, attached.Url);
        Assert.All(aws.Operations.Skip(before), o => Assert.StartsWith("Describe", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AttachAsync_NoSuchLab_ReturnsFalse()
    {
        var aws = new FakeAws();
        aws.AddSecurityGroup("demo-alb-sg", ("Name", "demo-alb-sg"));
        var lab = LabFixture.Lab(aws);

        Assert.False(await lab.AttachAsync());
        Assert.Equal(LabState.NotStarted, lab.State);
    }

    [Fact]
    public async Task AttachThenDestroy_DeletesTheLabFoundByTags()
    {
        var aws = new FakeAws();
        var first = LabFixture.Lab(aws, LabFixture.Definition(cleanUp: false));
        await first.StartAsync();

        var attached = LabFixture.Lab(aws);
        await attached.AttachAsync();
        await attached.DestroyAsync();

        Assert.Empty(aws.LoadBalancers);
        Assert.Empty(aws.SecurityGroups);
        Assert.Empty(aws.LiveInstances());
        Assert.Empty(aws.TargetGroups);
    }
}
