using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using ElbAction = AlbBuilder.ElasticLoadBalancingV2.Model.Action;

namespace AlbBuilder.Provisioning;

/// <summary>The lab's HTTP listener, forwarding to the target group: creates it, finds it on the load balancer, deletes it.</summary>
internal static class LabListener
{
    public static async Task<string> EnsureAsync(LabStart start, Task<string> loadBalancer, Task<string> targetGroup)
    {
        var loadBalancerArn = await loadBalancer.ConfigureAwait(false);
        var targetGroupArn = await targetGroup.ConfigureAwait(false);
        var message = $"Creating HTTP listener on port {start.Definition.ListenerPort} forwarding to {targetGroupArn}";
        var request = new CreateListenerRequest
        {
            LoadBalancerArn = loadBalancerArn,
            Protocol = ProtocolEnum.HTTP,
            Port = start.Definition.ListenerPort,
            DefaultActions = [new ElbAction { Type = ActionTypeEnum.Forward, TargetGroupArn = targetGroupArn }],
            Tags = start.Ownership.ElbTags(LabRoles.Listener),
        };
        return await start.EnsureAsync(LabResourceKind.Listener, start.Found.Listener?.ListenerArn, LabStep.CreateListener, message, async ct =>
            (await start.Lab.Elb.CreateListenerAsync(request, ct).ConfigureAwait(false))?.Listeners?.FirstOrDefault()?.ListenerArn).ConfigureAwait(false);
    }

    /// <summary>The load balancer's listener on the lab's port, if it carries the lab's ownership tags.</summary>
    public static async Task<Listener?> FindAsync(IAmazonElasticLoadBalancingV2 elb, string lab, string loadBalancerArn, int port, CancellationToken cancellationToken)
    {
        var response = await ElbDescribe.OrNullAsync<DescribeListenersResponse>(async () => await elb.DescribeListenersAsync(new DescribeListenersRequest { LoadBalancerArn = loadBalancerArn }, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        var listener = response?.Listeners?.FirstOrDefault(l => l.Port == port && l.ListenerArn is not null);
        if (listener is null)
        {
            return null;
        }

        var tags = await ElbTags.DescribeAsync(elb, [listener.ListenerArn], cancellationToken).ConfigureAwait(false);
        return ElbTags.Owned(lab, tags, listener.ListenerArn) ? listener : null;
    }

    /// <summary>Deletes it; NotFound is done.</summary>
    public static async Task DeleteAsync(LabContext lab, string arn, CancellationToken cancellationToken)
    {
        try
        {
            await lab.Elb.DeleteListenerAsync(new DeleteListenerRequest { ListenerArn = arn }, cancellationToken).ConfigureAwait(false);
        }
        catch (ListenerNotFoundException)
        {
        }
    }
}
