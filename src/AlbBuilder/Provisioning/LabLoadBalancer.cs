using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Waiters;

namespace AlbBuilder.Provisioning;

/// <summary>
/// The lab's internet-facing Application Load Balancer: creates it in every discovered subnet, sets its attributes,
/// waits until it is active, finds it by name and deletes it (waiting until it is gone).
/// </summary>
internal static class LabLoadBalancer
{
    public static async Task<string> EnsureAsync(LabStart start, Task<string> loadBalancerGroup, LabNetwork network)
    {
        var groupId = await loadBalancerGroup.ConfigureAwait(false);
        var definition = start.Definition;
        var message = $"Creating internet-facing load balancer {definition.LoadBalancerName} in {network.Subnets.Count} AZs";
        var arn = await start.EnsureAsync(LabResourceKind.LoadBalancer, start.Found.LoadBalancer?.LoadBalancerArn, LabStep.CreateLoadBalancer, message, async ct =>
        {
            var response = await start.Lab.Elb.CreateLoadBalancerAsync(CreateRequest(start, groupId, network), ct).ConfigureAwait(false);
            var loadBalancer = response?.LoadBalancers?.FirstOrDefault(lb => lb.LoadBalancerArn is not null);
            start.Inventory.LoadBalancerDnsName = loadBalancer?.DNSName;
            return loadBalancer?.LoadBalancerArn;
        }).ConfigureAwait(false);
        var resource = new LabResource(LabResourceKind.LoadBalancer, arn);

        // Security Hub ELB.4: drop invalid header fields. Deletion protection off so the lab can be torn down.
        await start.Steps.RunAsync(
            LabStep.ModifyLoadBalancerAttributes,
            "Setting routing.http.drop_invalid_header_fields.enabled=true, deletion_protection.enabled=false",
            ct => start.Lab.Elb.ModifyLoadBalancerAttributesAsync(
                new ModifyLoadBalancerAttributesRequest
                {
                    LoadBalancerArn = arn,
                    Attributes =
                    [
                        new LoadBalancerAttribute { Key = "routing.http.drop_invalid_header_fields.enabled", Value = "true" },
                        new LoadBalancerAttribute { Key = "deletion_protection.enabled", Value = "false" },
                    ],
                },
                ct),
            "Attributes set",
            resource).ConfigureAwait(false);
        return arn;
    }

    private static CreateLoadBalancerRequest CreateRequest(LabStart start, string groupId, LabNetwork network) => new()
    {
        Name = start.Definition.LoadBalancerName,
        Subnets = [.. network.Subnets.Select(s => s.SubnetId)],
        SecurityGroups = [groupId],
        Scheme = LoadBalancerSchemeEnum.InternetFacing,
        Type = LoadBalancerTypeEnum.Application,
        IpAddressType = IpAddressType.Ipv4,
        Tags = start.Ownership.ElbTags(LabRoles.LoadBalancer),
    };

    public static async Task WaitActiveAsync(LabStart start, Task<string> loadBalancer)
    {
        var arn = await loadBalancer.ConfigureAwait(false);
        var active = await start.Steps.RunAsync(
            LabStep.WaitLoadBalancerActive,
            $"Waiting for {arn} to become active",
            ct => start.Lab.Elb.WaitUntilLoadBalancerAvailableAsync(arn, start.Waits(start.Definition.Timeouts.LoadBalancerActive, LabStep.WaitLoadBalancerActive), ct),
            lb => $"Active: {lb.DNSName}",
            new LabResource(LabResourceKind.LoadBalancer, arn)).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(active.DNSName))
        {
            start.Inventory.LoadBalancerDnsName = active.DNSName;
        }
    }

    /// <summary>The load balancer with the lab's name, whoever owns it (the finder checks the tags).</summary>
    public static Task<LoadBalancer?> FindAsync(IAmazonElasticLoadBalancingV2 elb, string name, CancellationToken cancellationToken) =>
        ElbDescribe.OrNullAsync(async () => (await elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Names = [name] }, cancellationToken).ConfigureAwait(false))
            ?.LoadBalancers?.FirstOrDefault(lb => lb.LoadBalancerArn is not null));

    /// <summary>Deletes it (NotFound is done) and waits until it is gone, so the target group and groups can follow.</summary>
    public static async Task DeleteAsync(LabContext lab, LabProgress progress, string arn, CancellationToken cancellationToken)
    {
        try
        {
            await lab.Elb.DeleteLoadBalancerAsync(new DeleteLoadBalancerRequest { LoadBalancerArn = arn }, cancellationToken).ConfigureAwait(false);
        }
        catch (LoadBalancerNotFoundException)
        {
        }

        await lab.Elb.WaitUntilLoadBalancersDeletedAsync([arn], lab.Waits(lab.TeardownTimeout, progress, LabStep.DeleteLoadBalancer), cancellationToken).ConfigureAwait(false);
    }
}
