using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Cloud;

/// <summary>A small ALB lab built through the real clients: ALB SG, instance SG, instances, TG, LB, listener.</summary>
internal sealed class Lab
{
    public required string AlbGroupId { get; init; }

    public required string WebGroupId { get; init; }

    public required List<string> InstanceIds { get; init; }

    public required string TargetGroupArn { get; init; }

    public required string LoadBalancerArn { get; init; }

    public required string DnsName { get; init; }

    public required string ListenerArn { get; init; }

    /// <summary>Builds the lab; <paramref name="wireInstanceGroup"/> false leaves the instance SG without the ALB rule.</summary>
    public static async Task<Lab> CreateAsync(
        IAmazonEC2 ec2,
        IAmazonElasticLoadBalancingV2 elb,
        string name = "lab",
        int instances = 2,
        bool wireInstanceGroup = true,
        string openCidr = "0.0.0.0/0")
    {
        var subnets = await CloudHelpers.DefaultSubnetsAsync(ec2);
        var vpcId = subnets[0].VpcId;
        var albGroup = await CloudHelpers.CreateGroupAsync(ec2, name + "-alb");
        var webGroup = await CloudHelpers.CreateGroupAsync(ec2, name + "-web");
        await CloudHelpers.AllowFromCidrAsync(ec2, albGroup, 80, openCidr);
        if (wireInstanceGroup)
        {
            await CloudHelpers.AllowFromGroupAsync(ec2, webGroup, 80, albGroup);
        }

        var ids = new List<string>();
        for (var i = 0; i < instances; i++)
        {
            ids.AddRange((await CloudHelpers.RunAsync(ec2, 1, subnets[i % subnets.Count].SubnetId, webGroup)).Select(x => x.InstanceId));
        }

        var targetGroup = (await elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = name + "-tg",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = vpcId,
            HealthCheckPath = "/",
            HealthCheckIntervalSeconds = 5,
            HealthCheckTimeoutSeconds = 2,
            HealthyThresholdCount = 2,
            UnhealthyThresholdCount = 2,
            Matcher = new Elb.Matcher { HttpCode = "200" },
        })).TargetGroups![0];
        await elb.ModifyTargetGroupAttributesAsync(new Elb.ModifyTargetGroupAttributesRequest
        {
            TargetGroupArn = targetGroup.TargetGroupArn,
            Attributes = [new Elb.TargetGroupAttribute { Key = "deregistration_delay.timeout_seconds", Value = "0" }],
        });

        var loadBalancer = (await elb.CreateLoadBalancerAsync(new Elb.CreateLoadBalancerRequest
        {
            Name = name + "-alb",
            Subnets = [subnets[0].SubnetId, subnets[1].SubnetId],
            SecurityGroups = [albGroup],
        })).LoadBalancers![0];

        foreach (var id in ids)
        {
            await CloudHelpers.WaitForStateAsync(ec2, id, "running");
        }

        // As on AWS, ELB can reject a just-started instance for a moment (the registration lag): retry that answer.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await elb.RegisterTargetsAsync(new Elb.RegisterTargetsRequest
                {
                    TargetGroupArn = targetGroup.TargetGroupArn,
                    Targets = [.. ids.Select(id => new Elb.TargetDescription { Id = id, Port = 80 })],
                });
                break;
            }
            catch (Elb.InvalidTargetException ex) when (attempt < 100 && ex.Message.Contains("not in a running state", StringComparison.Ordinal))
            {
                await Task.Delay(50);
            }
        }
        var listener = (await elb.CreateListenerAsync(new Elb.CreateListenerRequest
        {
            LoadBalancerArn = loadBalancer.LoadBalancerArn,
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            DefaultActions = [new Elb.Action { Type = ActionTypeEnum.Forward, TargetGroupArn = targetGroup.TargetGroupArn }],
        })).Listeners![0];

        return new Lab
        {
            AlbGroupId = albGroup,
            WebGroupId = webGroup,
            InstanceIds = ids,
            TargetGroupArn = targetGroup.TargetGroupArn!,
            LoadBalancerArn = loadBalancer.LoadBalancerArn!,
            DnsName = loadBalancer.DNSName!,
            ListenerArn = listener.ListenerArn!,
        };
    }

    public async Task<Dictionary<string, (string State, string? Reason)>> HealthAsync(IAmazonElasticLoadBalancingV2 elb)
    {
        var response = await elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = TargetGroupArn });
        return (response.TargetHealthDescriptions ?? []).ToDictionary(
            d => d.Target!.Id!,
            d => (d.TargetHealth!.State!.Value, d.TargetHealth.Reason?.Value));
    }

    public Task WaitForHealthAsync(IAmazonElasticLoadBalancingV2 elb, Func<Dictionary<string, (string State, string? Reason)>, bool> condition, string what) =>
        Poll.UntilAsync(() => HealthAsync(elb), condition, what);

    public Task WaitActiveAsync(IAmazonElasticLoadBalancingV2 elb) =>
        Poll.UntilAsync(
            async () => (await elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { LoadBalancerArns = [LoadBalancerArn] })).LoadBalancers![0].State!.Code!.Value,
            state => state == "active",
            "load balancer active");
}
