using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Elbv2;

public sealed class Elbv2TargetGroupTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;
    private IAmazonElasticLoadBalancingV2 _elb = null!;
    private string _vpcId = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _ec2 = _cloud.CreateEc2Client();
        _elb = _cloud.CreateElasticLoadBalancingV2Client();
        _vpcId = await CloudHelpers.DefaultVpcIdAsync(_ec2);
    }

    public async Task DisposeAsync()
    {
        _elb.Dispose();
        _ec2.Dispose();
        await _cloud.DisposeAsync();
    }

    private async Task<Elb.TargetGroup> CreateAsync(string name, int interval = 30, string matcher = "200")
    {
        var response = await _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = name,
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = _vpcId,
            HealthCheckIntervalSeconds = interval,
            Matcher = new Elb.Matcher { HttpCode = matcher },
            Tags = [new Elb.Tag { Key = "lab", Value = "t" }],
        });
        return response.TargetGroups![0];
    }

    [Fact]
    public async Task CreateTargetGroup_Defaults_AwsInstanceTargetDefaults()
    {
        var group = await CreateAsync("defaults");

        Assert.Matches(@"^arn:aws:elasticloadbalancing:us-east-1:\d{12}:targetgroup/defaults/[0-9a-f]{16}$", group.TargetGroupArn);
        Assert.Equal(ProtocolEnum.HTTP, group.Protocol);
        Assert.Equal(80, group.Port);
        Assert.Equal(_vpcId, group.VpcId);
        Assert.Equal("/", group.HealthCheckPath);
        Assert.Equal("traffic-port", group.HealthCheckPort);
        Assert.Equal(5, group.HealthCheckTimeoutSeconds);
        Assert.Equal(5, group.HealthyThresholdCount);
        Assert.Equal(2, group.UnhealthyThresholdCount);
        Assert.Equal("200", group.Matcher!.HttpCode);
        Assert.Equal(TargetTypeEnum.Instance, group.TargetType);
    }

    [Fact]
    public async Task CreateTargetGroup_Identical_Idempotent_Different_Duplicate()
    {
        var first = await CreateAsync("idem");
        var again = await CreateAsync("idem");

        var error = await Assert.ThrowsAsync<Elb.DuplicateTargetGroupNameException>(() => CreateAsync("idem", interval: 10));

        Assert.Equal(first.TargetGroupArn, again.TargetGroupArn);
        Assert.Equal("DuplicateTargetGroupName", error.ErrorCode);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("200-")]
    [InlineData("abc")]
    [InlineData("500")]
    public async Task CreateTargetGroup_BadMatcher_ValidationError(string matcher)
    {
        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() => CreateAsync("bad-matcher", matcher: matcher));

        Assert.Equal("ValidationError", error.ErrorCode);
    }

    [Fact]
    public async Task CreateTargetGroup_TimeoutNotBelowInterval_ValidationError()
    {
        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() => _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = "slow",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = _vpcId,
            HealthCheckIntervalSeconds = 5,
            HealthCheckTimeoutSeconds = 5,
        }));

        Assert.Equal("ValidationError", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeTargetGroups_ByNameArnAndLoadBalancer()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "tgs", instances: 1);
        var other = await CreateAsync("other");

        var byName = await _elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest { Names = ["other"] });
        var byArn = await _elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest { TargetGroupArns = [lab.TargetGroupArn] });
        var byLoadBalancer = await _elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest { LoadBalancerArn = lab.LoadBalancerArn });
        var missing = await Assert.ThrowsAsync<Elb.TargetGroupNotFoundException>(() =>
            _elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest { Names = ["missing"] }));

        Assert.Equal(other.TargetGroupArn, Assert.Single(byName.TargetGroups!).TargetGroupArn);
        Assert.Equal([lab.LoadBalancerArn], Assert.Single(byArn.TargetGroups!).LoadBalancerArns);
        Assert.Equal(lab.TargetGroupArn, Assert.Single(byLoadBalancer.TargetGroups!).TargetGroupArn);
        Assert.Equal("TargetGroupNotFound", missing.ErrorCode);
    }

    [Fact]
    public async Task TargetGroupAttributes_ModifyThenDescribe()
    {
        var group = await CreateAsync("attrs");

        await _elb.ModifyTargetGroupAttributesAsync(new Elb.ModifyTargetGroupAttributesRequest
        {
            TargetGroupArn = group.TargetGroupArn,
            Attributes = [new Elb.TargetGroupAttribute { Key = "deregistration_delay.timeout_seconds", Value = "30" }],
        });
        var attributes = (await _elb.DescribeTargetGroupAttributesAsync(new Elb.DescribeTargetGroupAttributesRequest { TargetGroupArn = group.TargetGroupArn }))
            .Attributes!.ToDictionary(a => a.Key!, a => a.Value);
        var bad = await Assert.ThrowsAsync<Elb.InvalidConfigurationRequestException>(() => _elb.ModifyTargetGroupAttributesAsync(new Elb.ModifyTargetGroupAttributesRequest
        {
            TargetGroupArn = group.TargetGroupArn,
            Attributes = [new Elb.TargetGroupAttribute { Key = "deregistration_delay.timeout_seconds", Value = "9999" }],
        }));

        Assert.Equal("30", attributes["deregistration_delay.timeout_seconds"]);
        Assert.Equal("false", attributes["stickiness.enabled"]);
        Assert.Equal("InvalidConfigurationRequest", bad.ErrorCode);
    }

    [Fact]
    public async Task RegisterTargets_NotRunningOrUnknownInstance_InvalidTarget()
    {
        await using var slow = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            LatencyProfile = LatencyProfile.Realistic(1),
            TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(),
            VerifySignatures = false, // the fake clock is years off the SDK signer's
        });
        using var ec2 = slow.CreateEc2Client();
        using var elb = slow.CreateElasticLoadBalancingV2Client();
        var pending = (await CloudHelpers.RunAsync(ec2, 1))[0].InstanceId;
        var group = (await elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = "tg",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = await CloudHelpers.DefaultVpcIdAsync(ec2),
        })).TargetGroups![0];

        var notRunning = await Assert.ThrowsAsync<Elb.InvalidTargetException>(() => elb.RegisterTargetsAsync(new Elb.RegisterTargetsRequest
        {
            TargetGroupArn = group.TargetGroupArn,
            Targets = [new Elb.TargetDescription { Id = pending }],
        }));
        var unknown = await Assert.ThrowsAsync<Elb.InvalidTargetException>(() => elb.RegisterTargetsAsync(new Elb.RegisterTargetsRequest
        {
            TargetGroupArn = group.TargetGroupArn,
            Targets = [new Elb.TargetDescription { Id = "i-0123456789abcdef0" }],
        }));

        Assert.Equal("InvalidTarget", notRunning.ErrorCode);
        Assert.Contains(pending, notRunning.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidTarget", unknown.ErrorCode);
    }

    [Fact]
    public async Task RegisterTargets_GroupWithoutListener_UnusedNotInUse()
    {
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;
        await CloudHelpers.WaitForStateAsync(_ec2, id, "running");
        var group = await CreateAsync("lonely");

        await _elb.RegisterTargetsAsync(new Elb.RegisterTargetsRequest { TargetGroupArn = group.TargetGroupArn, Targets = [new Elb.TargetDescription { Id = id }] });
        var health = await _elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = group.TargetGroupArn });

        var description = Assert.Single(health.TargetHealthDescriptions!);
        Assert.Equal(80, description.Target!.Port);
        Assert.Equal("80", description.HealthCheckPort);
        Assert.Equal(TargetHealthStateEnum.Unused, description.TargetHealth!.State);
        Assert.Equal(TargetHealthReasonEnum.TargetNotInUse, description.TargetHealth.Reason);
    }

    [Fact]
    public async Task DeregisterTargets_Draining_ThenGone()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "drain", instances: 1);
        await _elb.ModifyTargetGroupAttributesAsync(new Elb.ModifyTargetGroupAttributesRequest
        {
            TargetGroupArn = lab.TargetGroupArn,
            Attributes = [new Elb.TargetGroupAttribute { Key = "deregistration_delay.timeout_seconds", Value = "30" }], // 300 ms on Instant
        });

        await _elb.DeregisterTargetsAsync(new Elb.DeregisterTargetsRequest { TargetGroupArn = lab.TargetGroupArn, Targets = [new Elb.TargetDescription { Id = lab.InstanceIds[0] }] });
        var draining = await lab.HealthAsync(_elb);
        await lab.WaitForHealthAsync(_elb, h => h.Count == 0, "drained");
        var again = await Assert.ThrowsAsync<Elb.InvalidTargetException>(() =>
            _elb.DeregisterTargetsAsync(new Elb.DeregisterTargetsRequest { TargetGroupArn = lab.TargetGroupArn, Targets = [new Elb.TargetDescription { Id = lab.InstanceIds[0] }] }));

        Assert.Equal(("draining", "Target.DeregistrationInProgress"), draining[lab.InstanceIds[0]]);
        Assert.Equal("InvalidTarget", again.ErrorCode);
    }

    [Fact]
    public async Task TerminateInstances_RegisteredTarget_DeregisteredAutomatically()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "term", instances: 2);
        await _elb.ModifyTargetGroupAttributesAsync(new Elb.ModifyTargetGroupAttributesRequest
        {
            TargetGroupArn = lab.TargetGroupArn,
            Attributes = [new Elb.TargetGroupAttribute { Key = "deregistration_delay.timeout_seconds", Value = "30" }],
        });

        await _ec2.TerminateInstancesAsync(new Amazon.EC2.Model.TerminateInstancesRequest { InstanceIds = [lab.InstanceIds[0]] });
        var right = await lab.HealthAsync(_elb);
        await lab.WaitForHealthAsync(_elb, h => !h.ContainsKey(lab.InstanceIds[0]), "terminated target gone");

        Assert.Equal(("draining", "Target.DeregistrationInProgress"), right[lab.InstanceIds[0]]);
        Assert.True(right.ContainsKey(lab.InstanceIds[1]));
    }

    [Fact]
    public async Task DescribeTargetHealth_UnregisteredTargetAsked_UnusedNotRegistered()
    {
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;
        var group = await CreateAsync("ask");

        var health = await _elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest
        {
            TargetGroupArn = group.TargetGroupArn,
            Targets = [new Elb.TargetDescription { Id = id, Port = 80 }],
        });

        Assert.Equal(TargetHealthReasonEnum.TargetNotRegistered, Assert.Single(health.TargetHealthDescriptions!).TargetHealth!.Reason);
    }

    [Fact]
    public async Task DescribeTargetHealth_UnknownGroup_TargetGroupNotFound()
    {
        var error = await Assert.ThrowsAsync<Elb.TargetGroupNotFoundException>(() => _elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest
        {
            TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/0123456789abcdef",
        }));

        Assert.Equal("TargetGroupNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task HealthCheckPathMissing_TargetsUnhealthyResponseCodeMismatch()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "mismatch", instances: 1);
        var other = (await _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = "mismatch-404",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = _vpcId,
            HealthCheckPath = "/health",
            HealthCheckIntervalSeconds = 5,
            HealthCheckTimeoutSeconds = 2,
            HealthyThresholdCount = 2,
            UnhealthyThresholdCount = 2,
        })).TargetGroups![0];
        await _elb.RegisterTargetsAsync(new Elb.RegisterTargetsRequest { TargetGroupArn = other.TargetGroupArn, Targets = [new Elb.TargetDescription { Id = lab.InstanceIds[0] }] });
        await _elb.CreateListenerAsync(new Elb.CreateListenerRequest
        {
            LoadBalancerArn = lab.LoadBalancerArn,
            Port = 8080,
            Protocol = ProtocolEnum.HTTP,
            DefaultActions = [new Elb.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = other.TargetGroupArn }],
        });

        var description = await Poll.UntilAsync(
            async () => (await _elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = other.TargetGroupArn })).TargetHealthDescriptions![0].TargetHealth!,
            h => h.State == TargetHealthStateEnum.Unhealthy,
            "unhealthy");

        Assert.Equal(TargetHealthReasonEnum.TargetResponseCodeMismatch, description.Reason);
        Assert.Equal("Health checks failed with these codes: [404]", description.Description);
    }

    [Fact]
    public async Task TargetPortNothingListensOn_UnhealthyFailedHealthChecks()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "refused", instances: 1);
        await CloudHelpers.AllowFromGroupAsync(_ec2, lab.WebGroupId, 8080, lab.AlbGroupId);
        var group = (await _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = "refused-8080",
            Protocol = ProtocolEnum.HTTP,
            Port = 8080,
            VpcId = _vpcId,
            HealthCheckIntervalSeconds = 5,
            HealthCheckTimeoutSeconds = 2,
            HealthyThresholdCount = 2,
            UnhealthyThresholdCount = 2,
        })).TargetGroups![0];
        await _elb.RegisterTargetsAsync(new Elb.RegisterTargetsRequest { TargetGroupArn = group.TargetGroupArn, Targets = [new Elb.TargetDescription { Id = lab.InstanceIds[0] }] });
        await _elb.CreateListenerAsync(new Elb.CreateListenerRequest
        {
            LoadBalancerArn = lab.LoadBalancerArn,
            Port = 8080,
            Protocol = ProtocolEnum.HTTP,
            DefaultActions = [new Elb.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = group.TargetGroupArn }],
        });

        var health = await Poll.UntilAsync(
            async () => (await _elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = group.TargetGroupArn })).TargetHealthDescriptions![0].TargetHealth!,
            h => h.State == TargetHealthStateEnum.Unhealthy,
            "unhealthy");

        Assert.Equal(TargetHealthReasonEnum.TargetFailedHealthChecks, health.Reason);
    }

    [Fact]
    public async Task DeleteTargetGroup_UsedByListener_ResourceInUse_AfterListenerDeleted_Gone()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "inuse", instances: 1);

        var error = await Assert.ThrowsAsync<Elb.ResourceInUseException>(() => _elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = lab.TargetGroupArn }));
        await _elb.DeleteListenerAsync(new Elb.DeleteListenerRequest { ListenerArn = lab.ListenerArn });
        await _elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = lab.TargetGroupArn });

        Assert.Equal("ResourceInUse", error.ErrorCode);
        Assert.Empty(_cloud.GetInventory().TargetGroups);
    }
}
