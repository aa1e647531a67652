using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>What a start builds, asks for and waits on, on LocalCloud.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class StartScenarioTests
{
    [Fact]
    public async Task StartAsync_NoExistingLab_CreatesTheLabAndRuns()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();

        await lab.StartAsync();

        Assert.Equal(LabState.Running, lab.State);
        var resources = lab.Resources;
        var subnets = await env.Seed.SubnetsAsync();
        Assert.Equal(await env.Seed.DefaultVpcIdAsync(), resources.VpcId);
        Assert.Equal(subnets.Select(s => s.SubnetId), resources.SubnetIds);
        Assert.Equal(2, resources.InstanceIds.Count);
        foreach (var id in resources.InstanceIds)
        {
            Assert.Equal("running", (await env.Seed.InstanceAsync(id)).State.Name.Value);
        }

        var inventory = env.Cloud.GetInventory();
        Assert.Equal(resources.LoadBalancerArn, Assert.Single(inventory.LoadBalancers));
        Assert.Equal(resources.TargetGroupArn, Assert.Single(inventory.TargetGroups));
        Assert.Equal(resources.ListenerArn, Assert.Single(inventory.Listeners));
        Assert.Equal(2, inventory.SecurityGroups.Count);
        Assert.Equal(resources.InstanceIds.Order(), (await env.Seed.RegisteredTargetsAsync(resources.TargetGroupArn!)).Order());
        Assert.Equal(new Uri($"http://{resources.LoadBalancerDnsName}:80/"), lab.Url);
        Assert.Matches("^[0-9a-f]{12}$", resources.LabId);
    }

    [Fact]
    public async Task StartAsync_SecurityGroups_InstancesAdmitTargetPortOnlyFromLoadBalancerGroup()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").ListenOn(8081).Build();

        await lab.StartAsync();

        var albGroup = lab.Resources.LoadBalancerSecurityGroupId!;
        var instanceGroup = lab.Resources.InstanceSecurityGroupId!;
        Assert.NotEqual(albGroup, instanceGroup);

        var albRule = Assert.Single((await env.Seed.GroupAsync(albGroup)).IpPermissions);
        Assert.Equal((8081, 8081), (albRule.FromPort, albRule.ToPort));
        Assert.Equal("0.0.0.0/0", Assert.Single(albRule.Ipv4Ranges).CidrIp);

        var instanceRule = Assert.Single((await env.Seed.GroupAsync(instanceGroup)).IpPermissions);
        Assert.Equal(("tcp", 80, 80), (instanceRule.IpProtocol, instanceRule.FromPort, instanceRule.ToPort));
        Assert.Equal(albGroup, Assert.Single(instanceRule.UserIdGroupPairs).GroupId);
        Assert.True(instanceRule.Ipv4Ranges is null or { Count: 0 });

        var vpcId = await env.Seed.DefaultVpcIdAsync();
        Assert.All(env.Requests<CreateSecurityGroupRequest>(), r => Assert.Equal(vpcId, r.VpcId));
        foreach (var id in lab.Resources.InstanceIds)
        {
            Assert.Equal(instanceGroup, Assert.Single((await env.Seed.InstanceAsync(id)).SecurityGroups).GroupId);
        }

        Assert.Equal([albGroup], (await env.Seed.LoadBalancerAsync(lab.Resources.LoadBalancerArn!)).SecurityGroups);
        Assert.DoesNotContain(env.Requests<AuthorizeSecurityGroupIngressRequest>().SelectMany(r => r.IpPermissions), p => p.FromPort <= 22 && p.ToPort >= 22);
    }

    [Fact]
    public async Task StartAsync_DirectInstanceAccessCidr_AddsThatRangeOnTheTargetPort()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").WithDirectInstanceAccess("198.51.100.7/32").Build();

        await lab.StartAsync();

        var rules = (await env.Seed.GroupAsync(lab.Resources.InstanceSecurityGroupId!)).IpPermissions;
        Assert.Contains(rules, r => r.FromPort == 80 && r.Ipv4Ranges?.Any(range => range.CidrIp == "198.51.100.7/32") == true);
        Assert.DoesNotContain(rules, r => r.Ipv4Ranges?.Any(range => range.CidrIp == "0.0.0.0/0") == true);
    }

    [Fact]
    public async Task StartAsync_FiveInstancesInThreeZones_OneRunInstancesPerZoneRoundRobin()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo", instances: 5).Build();

        await lab.StartAsync();

        var zoneOf = (await env.Seed.SubnetsAsync()).ToDictionary(s => s.SubnetId, s => s.AvailabilityZone);
        var runs = env.Requests<RunInstancesRequest>();
        Assert.Equal(3, runs.Count);
        var byZone = runs.ToDictionary(r => zoneOf[r.SubnetId], r => (r.MinCount, r.MaxCount));
        Assert.Equal((2, 2), byZone["eu-west-1a"]);
        Assert.Equal((2, 2), byZone["eu-west-1b"]);
        Assert.Equal((1, 1), byZone["eu-west-1c"]);
        Assert.Equal(3, runs.Select(r => r.ClientToken).Distinct().Count());
        Assert.All(runs, r => Assert.StartsWith(lab.Resources.LabId!, r.ClientToken, StringComparison.Ordinal));

        // Name tags <lab>-1..5 in order; instance k is in AZ (k-1) mod 3.
        var ids = lab.Resources.InstanceIds;
        Assert.Equal(5, ids.Count);
        for (var k = 1; k <= 5; k++)
        {
            var instance = await env.Seed.InstanceAsync(ids[k - 1]);
            Assert.Equal($"demo-{k}", CloudSeed.Tag(instance, "Name"));
            Assert.Equal("eu-west-1" + (char)('a' + ((k - 1) % 3)), instance.Placement.AvailabilityZone);
        }
    }

    [Fact]
    public async Task StartAsync_RunInstances_RequiresImdsV2AndSendsUserDataAsUtf8Base64()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo").Build();

        await lab.StartAsync();

        Assert.All(env.Requests<RunInstancesRequest>(), r =>
        {
            Assert.Equal(HttpTokensState.Required, r.MetadataOptions.HttpTokens);
            Assert.Equal(InstanceMetadataEndpointState.Enabled, r.MetadataOptions.HttpEndpoint);
            Assert.Equal(LabCloud.UserData, Encoding.UTF8.GetString(Convert.FromBase64String(r.UserData)));
            Assert.Equal("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", r.ImageId);
            Assert.Equal("t3.micro", r.InstanceType.Value);
        });
        var launched = await env.Seed.InstanceAsync(lab.Resources.InstanceIds[0]);
        Assert.Equal(HttpTokensState.Required, launched.MetadataOptions.HttpTokens);
    }

    [Fact]
    public async Task StartAsync_RunInstancesCustomizations_AreAppliedToEachRequest()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo", instances: 4)
            .ConfigureRunInstances(r => r.KeyName = "lab-key")
            .ConfigureRunInstances(r => r.InstanceType = InstanceType.T3Small)
            .Build();

        await lab.StartAsync();

        Assert.Equal(3, env.Requests<RunInstancesRequest>().Count);
        Assert.All(env.Requests<RunInstancesRequest>(), r => Assert.Equal(("lab-key", "t3.small"), (r.KeyName, r.InstanceType.Value)));
        foreach (var id in lab.Resources.InstanceIds)
        {
            var instance = await env.Seed.InstanceAsync(id);
            Assert.Equal(("lab-key", "t3.small"), (instance.KeyName, instance.InstanceType.Value));
        }
    }

    [Fact]
    public async Task StartAsync_EveryCreateCarriesTheOwnershipAndUserTags()
    {
        await using var env = await LabCloud.StartAsync();
        var time = new AutoAdvancingTime(); // 2026-11-25 12:00 UTC
        var lab = env.Lab("demo", time, instances: 4).WithTimeToLive(TimeSpan.FromHours(2)).Build();

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

        var groups = env.Requests<CreateSecurityGroupRequest>();
        Assert.Equal(2, groups.Count);
        foreach (var request in groups)
        {
            var spec = Assert.Single(request.TagSpecifications);
            Assert.Equal(ResourceType.SecurityGroup, spec.ResourceType);
            AssertTags(k => spec.Tags.SingleOrDefault(t => t.Key == k)?.Value, request.GroupName == "demo-alb-sg" ? "load-balancer-sg" : "instance-sg");
            Assert.Equal(request.GroupName, spec.Tags.Single(t => t.Key == "Name").Value);
        }

        foreach (var request in env.Requests<RunInstancesRequest>())
        {
            Assert.Equal([ResourceType.Instance, ResourceType.Volume, ResourceType.NetworkInterface], request.TagSpecifications.Select(s => s.ResourceType));
            Assert.All(request.TagSpecifications, spec => AssertTags(k => spec.Tags.SingleOrDefault(t => t.Key == k)?.Value, "instance"));
        }

        Assert.All(env.Requests<AuthorizeSecurityGroupIngressRequest>(), r => AssertTags(k => r.TagSpecifications.Single().Tags.SingleOrDefault(t => t.Key == k)?.Value, "security-group-rule"));
        AssertTags(k => env.Requests<Elb.CreateLoadBalancerRequest>().Single().Tags!.SingleOrDefault(t => t.Key == k)?.Value, "load-balancer");
        AssertTags(k => env.Requests<Elb.CreateTargetGroupRequest>().Single().Tags!.SingleOrDefault(t => t.Key == k)?.Value, "target-group");
        AssertTags(k => env.Requests<Elb.CreateListenerRequest>().Single().Tags!.SingleOrDefault(t => t.Key == k)?.Value, "listener");

        // And the cloud holds them: what the finder and the directory rely on.
        var fourth = await env.Seed.InstanceAsync(lab.Resources.InstanceIds[3]);
        AssertTags(k => CloudSeed.Tag(fourth, k), "instance");
    }

    [Fact]
    public async Task StartAsync_LoadBalancerTargetGroupAndListener_HaveTheLabSettings()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo")
            .ListenOn(8081)
            .WithHealthCheck(new HealthCheckSettings("/index.html", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), 3, 4, "200-299"))
            .Build();

        await lab.StartAsync();

        var subnets = (await env.Seed.SubnetsAsync()).Select(s => s.SubnetId).ToList();
        var lb = env.Requests<Elb.CreateLoadBalancerRequest>().Single();
        Assert.Equal("demo-alb", lb.Name);
        Assert.Equal(subnets, lb.Subnets);
        Assert.Equal(("internet-facing", "application", "ipv4"), (lb.Scheme!.Value, lb.Type!.Value, lb.IpAddressType!.Value));

        var lbAttributes = env.Requests<Elb.ModifyLoadBalancerAttributesRequest>().Single().Attributes!.ToDictionary(a => a.Key!, a => a.Value);
        Assert.Equal("true", lbAttributes["routing.http.drop_invalid_header_fields.enabled"]);
        Assert.Equal("false", lbAttributes["deletion_protection.enabled"]);

        var tg = env.Requests<Elb.CreateTargetGroupRequest>().Single();
        Assert.Equal(("demo-tg", "HTTP", "HTTP1", 80, await env.Seed.DefaultVpcIdAsync(), "instance"), (tg.Name, tg.Protocol!.Value, tg.ProtocolVersion, tg.Port, tg.VpcId, tg.TargetType!.Value));
        Assert.Equal(("/index.html", "traffic-port", 10, 3, 3, 4, "200-299"), (tg.HealthCheckPath, tg.HealthCheckPort, tg.HealthCheckIntervalSeconds, tg.HealthCheckTimeoutSeconds, tg.HealthyThresholdCount, tg.UnhealthyThresholdCount, tg.Matcher!.HttpCode));
        var tgAttribute = env.Requests<Elb.ModifyTargetGroupAttributesRequest>().Single().Attributes!.Single();
        Assert.Equal(("deregistration_delay.timeout_seconds", "15"), (tgAttribute.Key, tgAttribute.Value));

        var listener = env.Requests<Elb.CreateListenerRequest>().Single();
        Assert.Equal(("HTTP", 8081), (listener.Protocol!.Value, listener.Port));
        var action = Assert.Single(listener.DefaultActions!);
        Assert.Equal(("forward", lab.Resources.TargetGroupArn), (action.Type!.Value, action.TargetGroupArn));

        var register = Assert.Single(env.Requests<Elb.RegisterTargetsRequest>());
        Assert.Equal(lab.Resources.InstanceIds.Order(), register.Targets!.Select(t => t.Id).Order());
        Assert.All(register.Targets!, t => Assert.Equal(80, t.Port));
        Assert.Equal(new Uri($"http://{lab.Resources.LoadBalancerDnsName}:8081/"), lab.Url);
    }

    [Fact]
    public async Task StartAsync_ListenerIsCreatedWhileInstancesAreStillPending()
    {
        // The first poll of the instance wait is held for a while: a start that waited for the instances before
        // building the load balancer side would send CreateListener only after it.
        await using var env = await LabCloud.StartAsync();
        var armed = 0;
        env.OnRequest("RunInstances", () =>
        {
            if (Interlocked.Exchange(ref armed, 1) == 0)
            {
                env.Cloud.Faults.Delay("DescribeInstances", TimeSpan.FromMilliseconds(500));
            }
        });
        var lab = env.Lab("demo").Build();

        await lab.StartAsync();

        Assert.Equal(LabState.Running, lab.State);
        var ops = env.Operations;
        var instanceWait = ops.IndexOf("DescribeInstances", ops.IndexOf("RunInstances"));
        Assert.True(env.IndexOf("CreateListener") < env.IndexOf("RegisterTargets"), string.Join(", ", ops));
        Assert.True(env.IndexOf("CreateLoadBalancer") < instanceWait, string.Join(", ", ops));
        Assert.True(env.IndexOf("CreateTargetGroup") < env.IndexOf("RunInstances"), string.Join(", ", ops));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    public async Task StartAsync_CallCounts_DoNotGrowWithInstancesExceptNameTagsInSharedZones(int instances)
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo", instances).Build();

        await lab.StartAsync();

        Assert.Equal(Math.Min(instances, 3), env.Count("RunInstances"));
        Assert.Equal(1, env.Count("RegisterTargets"));
        Assert.Equal(1, env.Count("CreateLoadBalancer"));
        Assert.Equal(1, env.Count("CreateTargetGroup"));
        Assert.Equal(1, env.Count("CreateListener"));
        Assert.Equal(2, env.Count("CreateSecurityGroup"));
        Assert.Equal(2, env.Count("AuthorizeSecurityGroupIngress"));

        // One zone, one instance: Name tag at launch. Several in one zone: one CreateTags each (a Name differs per instance).
        Assert.Equal(instances <= 3 ? 0 : instances, env.Count("CreateTags"));
        Assert.InRange(env.Count("DescribeInstances"), 1, 3);
        Assert.Equal(instances, env.Cloud.GetInventory().Instances.Count);
    }

    [Fact]
    public async Task StartAsync_ConcurrentCalls_RunOneAfterTheOther()
    {
        // The first start is held in network discovery (LocalCloud delays its DescribeVpcs).
        await using var env = await LabCloud.StartAsync();
        env.Cloud.Faults.Delay("DescribeVpcs", TimeSpan.FromMilliseconds(300));
        var discovering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        env.OnRequest("DescribeVpcs", () => discovering.TrySetResult());
        var lab = env.Lab("demo").Build();

        var first = lab.StartAsync();
        var second = lab.StartAsync();
        await discovering.Task;

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Equal(LabState.Starting, lab.State);
        Assert.Equal(1, env.Count("DescribeSecurityGroups")); // the second has not even looked for the lab
        await Task.WhenAll(first, second);

        Assert.Equal(1, env.Count("DescribeVpcs"));
        Assert.Equal(1, env.Count("CreateLoadBalancer"));
        Assert.Equal(2, env.Cloud.GetInventory().Instances.Count);
        Assert.Equal(LabState.Running, lab.State);
    }

    [Fact]
    public async Task StartAsync_ReportsStartedAndCompletedForEachStep()
    {
        await using var env = await LabCloud.StartAsync();

        // Checks every 0.3 s (30 s on AWS): the targets are still initial on the first poll.
        var lab = env.Lab("demo").WithHealthCheck(h => h with { Interval = TimeSpan.FromSeconds(30) }).Build();
        var log = new EventLog();

        await lab.StartAsync(log);

        foreach (var step in LabAssert.Steps.OfAFullStart)
        {
            LabAssert.EventsOf(step, LabEventKind.Started, log.Events, n => n >= 1);
            LabAssert.EventsOf(step, LabEventKind.Completed, log.Events, n => n >= 1);
        }

        LabAssert.EventsOf(LabAssert.Steps.WaitTargetsHealthy, LabEventKind.Progress, log.Events, n => n >= 1);
        Assert.DoesNotContain(log.Events, e => e.Message.Contains("héllo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_OneAvailabilityZone_FailsWithAClearMessageBeforeCreatingAnything()
    {
        await using var env = await LabCloud.StartAsync();
        env.EditResponses<DescribeSubnetsResponse>(r => r.Subnets = [.. r.Subnets.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).Take(1)]);
        var lab = env.Lab("demo").Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.FailedAt(LabAssert.Steps.DiscoverNetwork, ex);
        Assert.Contains("at least two Availability Zones", ex.Message, StringComparison.Ordinal);
        LabAssert.NothingCreated(ex);
        Assert.Equal(0, env.Count("CreateSecurityGroup"));
        Assert.Equal(LabState.Failed, lab.State);
        Assert.True(env.Cloud.GetInventory().IsEmpty);
    }

    [Fact]
    public async Task StartAsync_ExplicitSubnetsSharingAZone_AreRejected()
    {
        await using var env = await LabCloud.StartAsync();
        var subnets = await env.Seed.SubnetsAsync();
        var (a, b, c) = (subnets[0].SubnetId, subnets[1].SubnetId, subnets[2].SubnetId);

        // LocalCloud has one default subnet per zone: answer as if subnet b were a second subnet in zone a.
        env.EditResponses<DescribeSubnetsResponse>(r => r.Subnets.Where(s => s.SubnetId == b).ToList().ForEach(s => s.AvailabilityZone = "eu-west-1a"));
        var lab = env.Lab("demo").InSubnets(a, b, c).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains("at most one subnet per Availability Zone", ex.Message, StringComparison.Ordinal);
        Assert.Contains(b, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Count("CreateSecurityGroup"));
    }

    [Fact]
    public async Task StartAsync_ExplicitSubnets_AreUsedInsteadOfTheDefaults()
    {
        await using var env = await LabCloud.StartAsync();
        var subnets = await env.Seed.SubnetsAsync();
        var lab = env.Lab("demo").InVpc(await env.Seed.DefaultVpcIdAsync()).InSubnets(subnets[2].SubnetId, subnets[0].SubnetId).Build();

        await lab.StartAsync();

        Assert.Equal([subnets[0].SubnetId, subnets[2].SubnetId], env.Requests<Elb.CreateLoadBalancerRequest>().Single().Subnets);
        Assert.Equal(0, env.Count("DescribeVpcs"));
        Assert.Equal([subnets[0].SubnetId, subnets[2].SubnetId], lab.Resources.SubnetIds);
    }

    [Fact]
    public async Task StartAsync_ExplicitSubnetsWithoutVpc_UsesTheirVpcNotTheDefault()
    {
        await using var env = await LabCloud.StartAsync();
        var subnets = await env.Seed.SubnetsAsync();

        // As if the subnets were in another VPC (LocalCloud has only the default one); creating in it then fails.
        const string custom = "vpc-0c0ffee0c0ffee000";
        env.EditResponses<DescribeSubnetsResponse>(r => r.Subnets.ForEach(s => s.VpcId = custom));
        var lab = env.Lab("demo").InSubnets(subnets[0].SubnetId, subnets[1].SubnetId).Build();
        var log = new EventLog();

        await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync(log));

        Assert.Contains(log.Events, e => e.Step == LabAssert.Steps.DiscoverNetwork && e.Kind == LabEventKind.Completed && e.Message.StartsWith($"VPC {custom},", StringComparison.Ordinal));
        Assert.NotEmpty(env.Requests<CreateSecurityGroupRequest>());
        Assert.All(env.Requests<CreateSecurityGroupRequest>(), r => Assert.Equal(custom, r.VpcId));
        Assert.All(env.Requests<Elb.CreateTargetGroupRequest>(), r => Assert.Equal(custom, r.VpcId));
        Assert.Equal(0, env.Count("DescribeVpcs"));
    }

    [Fact]
    public async Task StartAsync_ExplicitSubnetOutsideTheGivenVpc_IsRejected()
    {
        await using var env = await LabCloud.StartAsync();
        var subnets = await env.Seed.SubnetsAsync();
        var (a, b) = (subnets[0].SubnetId, subnets[1].SubnetId);
        env.EditResponses<DescribeSubnetsResponse>(r => r.Subnets.Where(s => s.SubnetId == b).ToList().ForEach(s => s.VpcId = "vpc-0other0000000000"));
        var lab = env.Lab("demo").InVpc(await env.Seed.DefaultVpcIdAsync()).InSubnets(a, b).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Contains($"{b} (vpc-0other0000000000)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(a, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Count("CreateSecurityGroup"));
    }

    [Fact]
    public async Task StartAndDestroy_PollInterval_PacesWaitsAndRetries()
    {
        await using var env = await LabCloud.StartAsync();
        var time = new AutoAdvancingTime();
        var lab = env.Lab("demo", time)
            .WithPolling(TimeSpan.FromMilliseconds(100))
            .WithHealthCheck(h => h with { Interval = TimeSpan.FromSeconds(30) }) // still initial on the first polls
            .Build();

        await lab.StartAsync();
        env.Cloud.Faults.FailNext("DeleteSecurityGroup", 4, "DependencyViolation");
        await lab.DestroyAsync();

        Assert.True(env.Count("DescribeTargetHealth") >= 2);
        Assert.True(time.Delays.Count >= 5, $"{time.Delays.Count} delays");
        Assert.All(time.Delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(400)));
    }

    [Fact]
    public async Task StartAsync_DefaultPollInterval_WaitsFiveToFifteenSecondsBetweenPolls()
    {
        await using var env = await LabCloud.StartAsync();
        var time = new AutoAdvancingTime();

        // Not WithLocalCloud (it sets a 50 ms polling): the lab's own default applies.
        var lab = AlbLab.Create("demo")
            .WithAwsClients(env.Ec2, env.Elb)
            .WithTimeProvider(time)
            .WithTimeouts(new LabTimeouts(TimeSpan.FromDays(1), TimeSpan.FromDays(1), TimeSpan.FromDays(1), TimeSpan.FromDays(1)))
            .WithHealthCheck(h => h with { Interval = TimeSpan.FromSeconds(10) }) // first check 0.1 s after registration
            .Build();

        await lab.StartAsync();

        Assert.NotEmpty(time.Delays);
        Assert.All(time.Delays, d => Assert.InRange(d, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)));
        Assert.Equal(LabState.Running, lab.State);
    }

    [Fact]
    public async Task StartAsync_SecurityGroupNotYetVisible_RetriesTheIngressRule()
    {
        await using var env = await LabCloud.StartAsync();
        env.Cloud.Faults.FailNext("AuthorizeSecurityGroupIngress", 2, "InvalidGroup.NotFound");
        var lab = env.Lab("demo").Build();

        await lab.StartAsync();

        Assert.Equal(4, env.Count("AuthorizeSecurityGroupIngress"));
        Assert.Equal(LabState.Running, lab.State);
    }
}
