using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Waiters;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Snippets;

/// <summary>The code of docs/waiters.md.</summary>
public static class Waiters
{
    /// <summary>The waiters on their own.</summary>
    public static async Task<IReadOnlyList<TargetHealthDescription>> QuickStartAsync(
        IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elbv2, string loadBalancerArn, string targetGroupArn, CancellationToken ct)
    {
        #region snippet:waiters-quick-start
        // EC2 (AWSSDK.EC2's IAmazonEC2)
        IReadOnlyList<Instance> instances = await ec2.WaitUntilInstancesRunningAsync(["i-0abc", "i-0def"], cancellationToken: ct);

        // ELBv2 (AlbBuilder.ElasticLoadBalancingV2.IAmazonElasticLoadBalancingV2)
        LoadBalancer lb = await elbv2.WaitUntilLoadBalancerAvailableAsync(loadBalancerArn, cancellationToken: ct);

        IReadOnlyList<TargetHealthDescription> health = await elbv2.WaitUntilTargetsInServiceAsync(
            targetGroupArn,
            [new TargetDescription { Id = "i-0abc", Port = 80 }, new TargetDescription { Id = "i-0def", Port = 80 }],
            new WaiterOptions
            {
                Timeout = TimeSpan.FromMinutes(5),
                Progress = new Progress<WaiterProgress>(p => Console.WriteLine($"{p.WaiterName} #{p.Attempt} {p.Elapsed:mm\\:ss} {p.Summary}")),
            },
            ct);
        #endregion
        Console.WriteLine($"{instances.Count} {lb.LoadBalancerName}");
        return health;
    }

    /// <summary>What a failed or timed-out wait says.</summary>
    public static async Task ErrorsAsync(IAmazonElasticLoadBalancingV2 elbv2, string targetGroupArn, List<TargetDescription> targets, CancellationToken ct)
    {
        #region snippet:waiters-errors
        try
        {
            await elbv2.WaitUntilTargetsInServiceAsync(targetGroupArn, targets, cancellationToken: ct);
        }
        catch (WaiterFailedException e)   // a failure acceptor matched: waiting longer cannot help
        {
            // e.FailedState == "unused (Target.InvalidState)"; e.ObservedStates lists every target
            Console.WriteLine(e.FailedState);
        }
        catch (WaiterTimeoutException e)  // the deadline passed
        {
            foreach (var state in e.ObservedStates)
            {
                Console.WriteLine($"{state.Id}: {state.State} {state.Reason} {state.Description}");
            }
        }
        #endregion
    }
}
