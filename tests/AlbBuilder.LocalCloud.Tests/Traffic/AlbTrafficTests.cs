using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Amazon.EC2.Model;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Traffic;

/// <summary>The whole lab through the real clients, with real HTTP through the ALB's front door.</summary>
public sealed class AlbTrafficTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;
    private IAmazonElasticLoadBalancingV2 _elb = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _ec2 = _cloud.CreateEc2Client();
        _elb = _cloud.CreateElasticLoadBalancingV2Client();
        _http = new HttpClient(_cloud.CreateHttpMessageHandler()) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _elb.Dispose();
        _ec2.Dispose();
        await _cloud.DisposeAsync();
    }

    private async Task<List<string>> GetPagesAsync(string dnsName, int count)
    {
        var bodies = new List<string>();
        for (var i = 0; i < count; i++)
        {
            bodies.Add(await _http.GetStringAsync(new Uri($"http://{dnsName}/")));
        }

        return bodies;
    }

    private async Task<Dictionary<string, string>> PrivateDnsNamesAsync(IEnumerable<string> ids)
    {
        var response = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [.. ids] });
        return response.Reservations.SelectMany(r => r.Instances).ToDictionary(i => i.InstanceId, i => i.PrivateDnsName);
    }

    [Fact]
    public async Task TwoInstances_BehindAlb_BothAnswerThenFailoverAndBack()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb);
        await lab.WaitActiveAsync(_elb);
        await lab.WaitForHealthAsync(_elb, h => h.Values.All(t => t.State == "healthy"), "both healthy");
        var names = await PrivateDnsNamesAsync(lab.InstanceIds);
        var portsBefore = _cloud.ListeningPorts.Order().ToList();

        // Both answer within 20 requests, through the ALB's DNS name.
        var bodies = await GetPagesAsync(lab.DnsName, 20);
        foreach (var name in names.Values)
        {
            Assert.Contains(bodies, b => b.Contains($"Hello World from {name}", StringComparison.Ordinal));
        }

        // Stop one: unused / Target.InvalidState, and every request goes to the survivor.
        var stopped = lab.InstanceIds[0];
        var survivor = lab.InstanceIds[1];
        await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [stopped] });
        await lab.WaitForHealthAsync(_elb, h => h[stopped] == ("unused", "Target.InvalidState"), "stopped target unused");
        bodies = await GetPagesAsync(lab.DnsName, 10);
        Assert.All(bodies, b => Assert.Contains(names[survivor], b, StringComparison.Ordinal));
        await CloudHelpers.WaitForStateAsync(_ec2, stopped, "stopped");
        await Poll.UntilAsync(() => _cloud.ListeningPorts.Count == portsBefore.Count - 1, "the stopped instance's web server closed");

        // Start it again: healthy again and serving.
        await _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [stopped] });
        await lab.WaitForHealthAsync(_elb, h => h.Values.All(t => t.State == "healthy"), "both healthy again");
        bodies = await GetPagesAsync(lab.DnsName, 20);
        Assert.Contains(bodies, b => b.Contains(names[stopped], StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains(names[survivor], StringComparison.Ordinal));

        // The restarted instance's web server came back on the same loopback port.
        Assert.Equal(portsBefore, _cloud.ListeningPorts.Order().ToList());
    }

    [Fact]
    public async Task InstanceGroupWithoutAlbRule_TargetsUnhealthyWithTimeout()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "miswired", instances: 1, wireInstanceGroup: false);
        await lab.WaitActiveAsync(_elb);

        await lab.WaitForHealthAsync(_elb, h => h.Values.All(t => t == ("unhealthy", "Target.Timeout")), "unhealthy with Target.Timeout");

        // Fixing the rule brings the target back.
        await CloudHelpers.AllowFromGroupAsync(_ec2, lab.WebGroupId, 80, lab.AlbGroupId);
        await lab.WaitForHealthAsync(_elb, h => h.Values.All(t => t.State == "healthy"), "healthy after the fix");
    }

    [Fact]
    public async Task AlbGroupWithoutListenerRule_ConnectionFails()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "closed", instances: 1, openCidr: "10.0.0.0/8");
        await lab.WaitActiveAsync(_elb);
        await lab.WaitForHealthAsync(_elb, h => h.Values.All(t => t.State == "healthy"), "healthy");

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetStringAsync(new Uri($"http://{lab.DnsName}/")));

        await CloudHelpers.AllowFromCidrAsync(_ec2, lab.AlbGroupId, 80, "127.0.0.1/32");
        Assert.Contains("Hello World", await _http.GetStringAsync(new Uri($"http://{lab.DnsName}/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstancePublicIp_ReachableOnlyWhenItsGroupAdmitsTheClient()
    {
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "direct");
        var instance = (await CloudHelpers.RunAsync(_ec2, 1, null, group))[0];
        await CloudHelpers.WaitForStateAsync(_ec2, instance.InstanceId, "running");
        var url = new Uri($"http://{instance.PublicIpAddress}/");

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetStringAsync(url));

        await CloudHelpers.AllowFromCidrAsync(_ec2, group, 80, "0.0.0.0/0");
        var body = await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    return await _http.GetStringAsync(url);
                }
                catch (HttpRequestException)
                {
                    return string.Empty;
                }
            },
            b => b.Length > 0,
            "web server up");
        Assert.Contains(instance.PrivateDnsName, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryTargetUnhealthy_AlbFailsOpen_StillServes()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "failopen", instances: 2);
        var vpcId = await CloudHelpers.DefaultVpcIdAsync(_ec2);
        var broken = (await _elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = "failopen-404",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = vpcId,
            HealthCheckPath = "/missing",
            HealthCheckIntervalSeconds = 5,
            HealthCheckTimeoutSeconds = 2,
            HealthyThresholdCount = 2,
            UnhealthyThresholdCount = 2,
        })).TargetGroups![0];
        await _elb.RegisterTargetsAsync(new Elb.RegisterTargetsRequest
        {
            TargetGroupArn = broken.TargetGroupArn,
            Targets = [.. lab.InstanceIds.Select(id => new Elb.TargetDescription { Id = id })],
        });
        await _elb.CreateListenerAsync(new Elb.CreateListenerRequest
        {
            LoadBalancerArn = lab.LoadBalancerArn,
            Protocol = ProtocolEnum.HTTP,
            Port = 8080,
            DefaultActions = [new Elb.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = broken.TargetGroupArn }],
        });
        await CloudHelpers.AllowFromCidrAsync(_ec2, lab.AlbGroupId, 8080, "0.0.0.0/0");
        await Poll.UntilAsync(
            async () => (await _elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = broken.TargetGroupArn })).TargetHealthDescriptions!,
            d => d.All(t => t.TargetHealth!.State == TargetHealthStateEnum.Unhealthy),
            "every target unhealthy");

        var bodies = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            bodies.Add(await _http.GetStringAsync(new Uri($"http://{lab.DnsName}:8080/")));
        }

        Assert.All(bodies, b => Assert.Contains("Hello World from", b, StringComparison.Ordinal));
        Assert.Equal(2, bodies.Distinct().Count());
    }

    [Fact]
    public async Task EmptyTargetGroup_Alb503()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "empty", instances: 1);
        await lab.WaitActiveAsync(_elb);
        await _elb.DeregisterTargetsAsync(new Elb.DeregisterTargetsRequest
        {
            TargetGroupArn = lab.TargetGroupArn,
            Targets = [new Elb.TargetDescription { Id = lab.InstanceIds[0] }],
        });
        await lab.WaitForHealthAsync(_elb, h => h.Count == 0, "no target left");

        var status = await Poll.UntilAsync(
            async () =>
            {
                // An active load balancer's front door starts in LocalCloud's next reconcile pass: until then the
                // connection is refused, which is "not yet", not a failure.
                try
                {
                    using var response = await _http.GetAsync(new Uri($"http://{lab.DnsName}/"));
                    return (System.Net.HttpStatusCode?)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            s => s == System.Net.HttpStatusCode.ServiceUnavailable,
            "503");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, status);
    }

    [Fact]
    public async Task UnknownHost_ConnectionFails_NothingLeavesLoopback()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetStringAsync(new Uri("http://example.com/")));
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetStringAsync(new Uri("http://no-such-alb-1234567890.us-east-1.elb.localhost/")));
    }

    [Fact]
    public async Task Teardown_WrongOrder_ResourceInUseAndDependencyViolation_RightOrderLeavesNothing()
    {
        var lab = await Lab.CreateAsync(_ec2, _elb, "teardown", instances: 1);

        var tgInUse = await Assert.ThrowsAsync<Elb.ResourceInUseException>(() =>
            _elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = lab.TargetGroupArn }));
        var albGroupInUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = lab.AlbGroupId }));
        var webGroupInUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = lab.WebGroupId }));
        Assert.Equal("ResourceInUse", tgInUse.ErrorCode);
        Assert.Equal("DependencyViolation", albGroupInUse.ErrorCode);
        Assert.Equal("DependencyViolation", webGroupInUse.ErrorCode);

        // Right order: listener, load balancer (wait gone), target group, instances (wait terminated), rules, groups.
        await _elb.DeleteListenerAsync(new Elb.DeleteListenerRequest { ListenerArn = lab.ListenerArn });
        await _elb.DeleteLoadBalancerAsync(new Elb.DeleteLoadBalancerRequest { LoadBalancerArn = lab.LoadBalancerArn });
        await _elb.DeleteTargetGroupAsync(new Elb.DeleteTargetGroupRequest { TargetGroupArn = lab.TargetGroupArn });
        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = lab.InstanceIds });
        foreach (var id in lab.InstanceIds)
        {
            await CloudHelpers.WaitForStateAsync(_ec2, id, "terminated");
        }

        await _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = lab.WebGroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, UserIdGroupPairs = [new UserIdGroupPair { GroupId = lab.AlbGroupId }] }],
        });
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = lab.WebGroupId });

        // The ALB's network interfaces linger a (scaled) while after the load balancer is gone.
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = lab.AlbGroupId });
                    return true;
                }
                catch (AmazonEC2Exception e) when (e.ErrorCode == "DependencyViolation")
                {
                    return false;
                }
            },
            ok => ok,
            "ALB group deletable");

        Assert.True(_cloud.GetInventory().IsEmpty, _cloud.GetInventory().ToString());
    }
}
