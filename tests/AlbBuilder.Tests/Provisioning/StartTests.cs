using System.Text;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Tests.Provisioning;

[Collection(ProvisioningCollection.Name)]
public sealed class StartTests
{
    [Fact]
    public async Task StartAsync_NoExistingLab_CreatesTheLabAndRuns()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);

        await lab.StartAsync();

        Assert.Equal(LabState.Running, lab.State);
        var resources = lab.Resources;
        Assert.Equal(FakeAws.DefaultVpcId, resources.VpcId);
        Assert.Equal(["subnet-eu-west-1a", "subnet-eu-west-1b", "subnet-eu-west-1c"], resources.SubnetIds);
        Assert.Equal(2, resources.InstanceIds.Count);
        Assert.All(resources.InstanceIds, id => Assert.Equal("running", aws.Instances[id].State.Name.Value));
        Assert.Single(aws.LoadBalancers);
        Assert.Single(aws.TargetGroups);
        Assert.Single(aws.Listeners);
        Assert.Equal(2, aws.SecurityGroups.Count);
        Assert.Equal(resources.LoadBalancerArn, aws.LoadBalancers.Keys.Single());
        Assert.Equal(resources.ListenerArn, aws.Listeners.Keys.Single());
        Assert.Equal(resources.InstanceIds.Order(), aws.Registered[resources.TargetGroupArn!].Order());
        Assert.Equal(new Uri("http://demo-alb-123456.eu-west-1.elb.amazonaws.com:80/"), lab.Url);
        Assert.Matches("^[0-9a-f]{12}$", resources.LabId);
    }

    [Fact]
    public async Task StartAsync_SecurityGroups_InstancesAdmitTargetPortOnlyFromLoadBalancerGroup()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);

        await lab.StartAsync();

        var albGroup = lab.Resources.LoadBalancerSecurityGroupId!;
        var instanceGroup = lab.Resources.InstanceSecurityGroupId!;
        Assert.NotEqual(albGroup, instanceGroup);

        var albRules = aws.SecurityGroups[albGroup].IpPermissions;
        var albRule = Assert.Single(albRules);
        Assert.Equal((80, 80), (albRule.FromPort, albRule.ToPort));
        Assert.Equal("0.0.0.0/0", Assert.Single(albRule.Ipv4Ranges).CidrIp);

        var instanceRule = Assert.Single(aws.SecurityGroups[instanceGroup].IpPermissions);
        Assert.Equal(("tcp", 8080, 8080), (instanceRule.IpProtocol, instanceRule.FromPort, instanceRule.ToPort));
        Assert.Equal(albGroup, Assert.Single(instanceRule.UserIdGroupPairs).GroupId);
        Assert.True(instanceRule.Ipv4Ranges is null or { Count: 0 });

        var allRules = aws.SecurityGroups.Values.SelectMany(g => g.IpPermissions).ToList();
        Assert.DoesNotContain(allRules, r => r.FromPort <= 22 && r.ToPort >= 22);
        Assert.All(aws.Requests<CreateSecurityGroupRequest>(), r => Assert.Equal(FakeAws.DefaultVpcId, r.VpcId));
        Assert.All(aws.LiveInstances(), i => Assert.Equal(instanceGroup, Assert.Single(i.SecurityGroups).GroupId));
        Assert.Equal([albGroup], aws.LoadBalancers.Values.Single().SecurityGroups);
    }

    [Fact]
    public async Task StartAsync_DirectInstanceAccessCidr_AddsThatRangeOnTheTargetPort()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws, LabFixture.Definition() with { DirectInstanceAccessCidr = "198.51.100.7/32" });

        await lab.StartAsync();

        var rules = aws.SecurityGroups[lab.Resources.InstanceSecurityGroupId!].IpPermissions;
        Assert.Contains(rules, r => r.FromPort == 8080 && r.Ipv4Ranges?.SingleOrDefault()?.CidrIp == "198.51.100.7/32");
        Assert.DoesNotContain(rules, r => r.Ipv4Ranges?.Any(range => range.CidrIp == "0.0.0.0/0") == true);
    }

    [Fact]
    public async Task StartAsync_FiveInstancesInThreeZones_OneRunInstancesPerZoneRoundRobin()
    {
        var aws = new FakeAws(zones: 3);
        var lab = LabFixture.Lab(aws, LabFixture.Definition(instances: 5));

        await lab.StartAsync();

        var runs = aws.Requests<RunInstancesRequest>();
        Assert.Equal(3, runs.Count);
        var bySubnet = runs.ToDictionary(r => r.SubnetId, r => (r.MinCount, r.MaxCount));
        Assert.Equal((2, 2), bySubnet["subnet-eu-west-1a"]);
        Assert.Equal((2, 2), bySubnet["subnet-eu-west-1b"]);
        Assert.Equal((1, 1), bySubnet["subnet-eu-west-1c"]);
        Assert.Equal(3, runs.Select(r => r.ClientToken).Distinct().Count());
        Assert.All(runs, r => Assert.StartsWith(lab.Resources.LabId!, r.ClientToken, StringComparison.Ordinal));

        // Name tags <lab>-1..5 in order; instance k is in AZ (k-1) mod 3.
        var ids = lab.Resources.InstanceIds;
        Assert.Equal(5, ids.Count);
        for (var k = 1; k <= 5; k++)
        {
            var instance = aws.Instances[ids[k - 1]];
            Assert.Equal($"demo-{k}", instance.Tags.Single(t => t.Key == "Name").Value);
            Assert.Equal("eu-west-1" + (char)('a' + ((k - 1) % 3)), instance.Placement.AvailabilityZone);
        }
    }

    [Fact]
    public async Task StartAsync_RunInstances_RequiresImdsV2AndSendsUserDataAsUtf8Base64()
    {
        var aws = new FakeAws();
        var definition = LabFixture.Definition();
        var lab = LabFixture.Lab(aws, definition);

        await lab.StartAsync();

        Assert.All(aws.Requests<RunInstancesRequest>(), r =>
        {
            Assert.Equal(HttpTokensState.Required, r.MetadataOptions.HttpTokens);
            Assert.Equal(InstanceMetadataEndpointState.Enabled, r.MetadataOptions.HttpEndpoint);
            Assert.Equal(definition.UserData, Encoding.UTF8.GetString(Convert.FromBase64String(r.UserData)));
            Assert.Equal(definition.ImageId, r.ImageId);
            Assert.Equal("t3.micro", r.InstanceType.Value);
        });
    }

    [Fact]
    public async Task StartAsync_RunInstancesCustomizations_AreAppliedToEachRequest()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws, LabFixture.Definition(instances: 4) with
        {
            RunInstancesCustomizations = [r => r.KeyName = "lab-key", r => r.InstanceType = InstanceType.T3Small],
        });

        await lab.StartAsync();

        Assert.All(aws.Requests<RunInstancesRequest>(), r => Assert.Equal(("lab-key", "t3.small"), (r.KeyName, r.InstanceType.Value)));
    }

    [Fact]
    public async Task StartAsync_EveryCreateCarriesTheOwnershipAndUserTags()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws, LabFixture.Definition(instances: 4) with { TimeToLive = TimeSpan.FromHours(2) });

        await lab.StartAsync();

        var labId = lab.Resources.LabId!;
        void AssertTags(Func<string, string?> tag, string role)
        {
            Assert.Equal("demo", tag(LabTags.Lab));
            Assert.Equal(labId, tag(LabTags.LabId));
            Assert.Equal(LabTags.CreatedByValue, tag(LabTags.CreatedBy));
            Assert.Equal(role, tag(LabTags.Role));
            Assert.Equal("2026-11-25T14:00:00Z", tag(LabTags.ExpiresAt));
            Assert.Equal("platform", tag("team"));
        }

        var groups = aws.Requests<CreateSecurityGroupRequest>();
        Assert.Equal(2, groups.Count);
        foreach (var request in groups)
        {
            var spec = Assert.Single(request.TagSpecifications);
            Assert.Equal(ResourceType.SecurityGroup, spec.ResourceType);
            AssertTags(k => spec.Tags.SingleOrDefault(t => t.Key == k)?.Value, request.GroupName == "demo-alb-sg" ? "load-balancer-sg" : "instance-sg");
            Assert.Equal(request.GroupName, spec.Tags.Single(t => t.Key == "Name").Value);
        }

        foreach (var request in aws.Requests<RunInstancesRequest>())
        {
            Assert.Equal([ResourceType.Instance, ResourceType.Volume, ResourceType.NetworkInterface], request.TagSpecifications.Select(s => s.ResourceType));
            Assert.All(request.TagSpecifications, spec => AssertTags(k => spec.Tags.SingleOrDefault(t => t.Key == k)?.Value, "instance"));
        }

        Assert.All(aws.Requests<AuthorizeSecurityGroupIngressRequest>(), r => AssertTags(k => r.TagSpecifications.Single().Tags.SingleOrDefault(t => t.Key == k)?.Value, "security-group-rule"));
        AssertTags(k => aws.Requests<CreateLoadBalancerRequest>().Single().Tags!.SingleOrDefault(t => t.Key == k)?.Value, "load-balancer");
        AssertTags(k => aws.Requests<CreateTargetGroupRequest>().Single().Tags!.SingleOrDefault(t => t.Key == k)?.Value, "target-group");
        AssertTags(k => aws.Requests<CreateListenerRequest>().Single().Tags!.SingleOrDefault(t => t.Key == k)?.Value, "listener");
    }

    [Fact]
    public async Task StartAsync_LoadBalancerTargetGroupAndListener_HaveTheLabSettings()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);

        await lab.StartAsync();

        var lb = aws.Requests<CreateLoadBalancerRequest>().Single();
        Assert.Equal("demo-alb", lb.Name);
        Assert.Equal(["subnet-eu-west-1a", "subnet-eu-west-1b", "subnet-eu-west-1c"], lb.Subnets);
        Assert.Equal(("internet-facing", "application", "ipv4"), (lb.Scheme!.Value, lb.Type!.Value, lb.IpAddressType!.Value));

        var lbAttributes = aws.Requests<ModifyLoadBalancerAttributesRequest>().Single().Attributes!.ToDictionary(a => a.Key!, a => a.Value);
        Assert.Equal("true", lbAttributes["routing.http.drop_invalid_header_fields.enabled"]);
        Assert.Equal("false", lbAttributes["deletion_protection.enabled"]);

        var tg = aws.Requests<CreateTargetGroupRequest>().Single();
        Assert.Equal(("demo-tg", "HTTP", "HTTP1", 8080, FakeAws.DefaultVpcId, "instance"), (tg.Name, tg.Protocol!.Value, tg.ProtocolVersion, tg.Port, tg.VpcId, tg.TargetType!.Value));
        Assert.Equal(("/health", "traffic-port", 10, 3, 3, 4, "200-299"), (tg.HealthCheckPath, tg.HealthCheckPort, tg.HealthCheckIntervalSeconds, tg.HealthCheckTimeoutSeconds, tg.HealthyThresholdCount, tg.UnhealthyThresholdCount, tg.Matcher!.HttpCode));
        var tgAttribute = aws.Requests<ModifyTargetGroupAttributesRequest>().Single().Attributes!.Single();
        Assert.Equal(("deregistration_delay.timeout_seconds", "15"), (tgAttribute.Key, tgAttribute.Value));

        var listener = aws.Requests<CreateListenerRequest>().Single();
        Assert.Equal(("HTTP", 80), (listener.Protocol!.Value, listener.Port));
        var action = Assert.Single(listener.DefaultActions!);
        Assert.Equal(("forward", lab.Resources.TargetGroupArn), (action.Type!.Value, action.TargetGroupArn));

        var register = Assert.Single(aws.Requests<RegisterTargetsRequest>());
        Assert.Equal(lab.Resources.InstanceIds.Order(), register.Targets!.Select(t => t.Id).Order());
        Assert.All(register.Targets!, t => Assert.Equal(8080, t.Port));
    }

    [Fact]
    public async Task StartAsync_ListenerIsCreatedWhileInstancesAreStillPending()
    {
        // Instances stay pending until the listener exists: a start that waited for the instances before building the
        // load balancer side would time out here.
        var aws = new FakeAws { LaunchedInstanceState = "pending" };
        aws.OnCall("CreateListener", _ => aws.LaunchedInstanceState = "running");
        var lab = LabFixture.Lab(aws);

        await lab.StartAsync();

        Assert.Equal(LabState.Running, lab.State);
        Assert.True(aws.IndexOf("CreateLoadBalancer") < aws.IndexOf("RegisterTargets"));
        Assert.True(aws.IndexOf("CreateTargetGroup") < aws.IndexOf("RunInstances"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    public async Task StartAsync_CallCounts_DoNotGrowWithInstancesExceptNameTagsInSharedZones(int instances)
    {
        var aws = new FakeAws(zones: 3);
        var lab = LabFixture.Lab(aws, LabFixture.Definition(instances));

        await lab.StartAsync();

        Assert.Equal(Math.Min(instances, 3), aws.Count("RunInstances"));
        Assert.Equal(1, aws.Count("RegisterTargets"));
        Assert.Equal(1, aws.Count("CreateLoadBalancer"));
        Assert.Equal(1, aws.Count("CreateTargetGroup"));
        Assert.Equal(1, aws.Count("CreateListener"));
        Assert.Equal(2, aws.Count("CreateSecurityGroup"));
        Assert.Equal(2, aws.Count("AuthorizeSecurityGroupIngress"));

        // One zone, one instance: Name tag at launch. Several in one zone: one CreateTags each (a Name differs per instance).
        Assert.Equal(instances <= 3 ? 0 : instances, aws.Count("CreateTags"));
        Assert.InRange(aws.Count("DescribeInstances"), 1, 3);
    }

    [Fact]
    public async Task StartAsync_ConcurrentCalls_RunOneAfterTheOther()
    {
        // The first start parks on a poll delay (instances still pending) of a clock that only moves when told to.
        var aws = new FakeAws { LaunchedInstanceState = "pending" };
        aws.OnCall("DescribeInstances", _ =>
        {
            if (aws.Count("DescribeInstances") == 3)
            {
                aws.LaunchedInstanceState = "running";
            }
        });
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var lab = LabFixture.Lab(aws, time: time);

        var first = lab.StartAsync();
        var second = lab.StartAsync();

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Equal(LabState.Starting, lab.State);
        Assert.Equal(1, aws.Count("DescribeVpcs")); // the second has not begun
        time.Advance(TimeSpan.FromSeconds(20));
        await Task.WhenAll(first, second);

        Assert.Equal(1, aws.Count("DescribeVpcs"));
        Assert.Equal(1, aws.Count("CreateLoadBalancer"));
        Assert.Equal(2, aws.LiveInstances().Count);
        Assert.Equal(LabState.Running, lab.State);
    }

    [Fact]
    public async Task StartAsync_ReportsStartedAndCompletedForEachStep()
    {
        var aws = new FakeAws();
        var lab = LabFixture.Lab(aws);
        var log = new EventLog();

        await lab.StartAsync(log);

        var steps = new[] { LabStep.DiscoverNetwork, LabStep.CreateLoadBalancerSecurityGroup, LabStep.CreateInstanceSecurityGroup, LabStep.CreateTargetGroup, LabStep.CreateLoadBalancer, LabStep.RunInstances, LabStep.WaitInstancesRunning, LabStep.RegisterTargets, LabStep.CreateListener, LabStep.WaitLoadBalancerActive, LabStep.WaitTargetsHealthy };
        foreach (var step in steps)
        {
            Assert.Contains(log.Events, e => e.Step == step && e.Kind == LabEventKind.Started);
            Assert.Contains(log.Events, e => e.Step == step && e.Kind == LabEventKind.Completed);
        }

        Assert.Contains(log.Events, e => e.Kind == LabEventKind.Progress && e.Step == LabStep.WaitTargetsHealthy);
        Assert.DoesNotContain(log.Events, e => e.Message.Contains("héllo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_OneAvailabilityZone_FailsWithAClearMessageBeforeCreatingAnything()
    {
        var aws = new FakeAws(zones: 1);
        var lab = LabFixture.Lab(aws);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.DiscoverNetwork, ex.Step);
        Assert.Contains("at least two Availability Zones", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ex.Created);
        Assert.Equal(0, aws.Count("CreateSecurityGroup"));
        Assert.Equal(LabState.Failed, lab.State);
    }

    [Fact]
    public async Task StartAsync_ExplicitSubnetsSharingAZone_AreRejected()
    {
        var aws = new FakeAws(zones: 2);
        aws.Subnets.Add(new Subnet { SubnetId = "subnet-extra", AvailabilityZone = "eu-west-1a", VpcId = FakeAws.DefaultVpcId, DefaultForAz = false });
        var lab = LabFixture.Lab(aws, LabFixture.Definition() with { SubnetIds = ["subnet-eu-west-1a", "subnet-extra", "subnet-eu-west-1b"] });

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("at most one subnet per Availability Zone", ex.Message, StringComparison.Ordinal);
        Assert.Contains("subnet-extra", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ExplicitSubnets_AreUsedInsteadOfTheDefaults()
    {
        var aws = new FakeAws(zones: 3);
        var lab = LabFixture.Lab(aws, LabFixture.Definition() with { VpcId = FakeAws.DefaultVpcId, SubnetIds = ["subnet-eu-west-1c", "subnet-eu-west-1a"] });

        await lab.StartAsync();

        Assert.Equal(["subnet-eu-west-1a", "subnet-eu-west-1c"], aws.Requests<CreateLoadBalancerRequest>().Single().Subnets);
        Assert.Equal(0, aws.Count("DescribeVpcs"));
    }

    [Fact]
    public async Task StartAsync_ExplicitSubnetsWithoutVpc_UsesTheirVpcNotTheDefault()
    {
        var aws = new FakeAws(zones: 0);
        aws.Subnets.Add(new Subnet { SubnetId = "subnet-x1", AvailabilityZone = "eu-west-1a", VpcId = "vpc-custom" });
        aws.Subnets.Add(new Subnet { SubnetId = "subnet-x2", AvailabilityZone = "eu-west-1b", VpcId = "vpc-custom" });
        var lab = LabFixture.Lab(aws, LabFixture.Definition() with { SubnetIds = ["subnet-x1", "subnet-x2"] });

        await lab.StartAsync();

        Assert.Equal("vpc-custom", lab.Resources.VpcId);
        Assert.Equal("vpc-custom", aws.Requests<CreateTargetGroupRequest>().Single().VpcId);
        Assert.All(aws.Requests<CreateSecurityGroupRequest>(), r => Assert.Equal("vpc-custom", r.VpcId));
        Assert.Equal(0, aws.Count("DescribeVpcs"));
    }

    [Fact]
    public async Task StartAsync_ExplicitSubnetOutsideTheGivenVpc_IsRejected()
    {
        var aws = new FakeAws(zones: 2);
        aws.Subnets.Add(new Subnet { SubnetId = "subnet-other", AvailabilityZone = "eu-west-1c", VpcId = "vpc-other" });
        var lab = LabFixture.Lab(aws, LabFixture.Definition() with { VpcId = FakeAws.DefaultVpcId, SubnetIds = ["subnet-eu-west-1a", "subnet-other"] });

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("subnet-other (vpc-other)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, aws.Count("CreateSecurityGroup"));
    }

    [Fact]
    public async Task StartAndDestroy_PollInterval_PacesWaitsAndRetries()
    {
        var aws = new FakeAws { TargetState = "initial" };
        var polls = 0;
        aws.OnCall("DescribeTargetHealth", _ =>
        {
            if (++polls == 4)
            {
                aws.TargetState = "healthy";
            }
        });
        var time = new AutoAdvancingTime();
        var lab = LabFixture.Lab(aws, LabFixture.Definition() with { PollInterval = TimeSpan.FromMilliseconds(100) }, time);

        await lab.StartAsync();
        aws.FailOn("DeleteSecurityGroup", FakeAws.Ec2Error("DependencyViolation"), times: 4);
        await lab.DestroyAsync();

        Assert.True(polls >= 4);
        Assert.True(time.Delays.Count >= 7, $"{time.Delays.Count} delays");
        Assert.All(time.Delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(400)));
    }

    [Fact]
    public async Task StartAsync_DefaultPollInterval_WaitsFiveToFifteenSecondsBetweenPolls()
    {
        var aws = new FakeAws { TargetState = "initial" };
        var polls = 0;
        aws.OnCall("DescribeTargetHealth", _ =>
        {
            if (++polls == 4)
            {
                aws.TargetState = "healthy";
            }
        });
        var time = new AutoAdvancingTime();
        var lab = LabFixture.Lab(aws, time: time);

        await lab.StartAsync();

        Assert.Equal(3, time.Delays.Count);
        Assert.All(time.Delays, d => Assert.InRange(d, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task StartAsync_SecurityGroupNotYetVisible_RetriesTheIngressRule()
    {
        var aws = new FakeAws();
        aws.FailOn("AuthorizeSecurityGroupIngress", FakeAws.Ec2Error("InvalidGroup.NotFound"), times: 2);
        var lab = LabFixture.Lab(aws);

        await lab.StartAsync();

        Assert.Equal(4, aws.Count("AuthorizeSecurityGroupIngress"));
        Assert.Equal(LabState.Running, lab.State);
    }
}
