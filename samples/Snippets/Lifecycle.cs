using AlbBuilder;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;

namespace Snippets;

/// <summary>The code of docs/api.md (the lab resource), docs/waiters.md (health) and docs/aws.md (clean-up).</summary>
public static class Lifecycle
{
    /// <summary>Status and health of a started lab.</summary>
    public static async Task<LabStatus> StatusAsync(IAlbLab lab, CancellationToken cancellationToken = default)
    {
        #region snippet:lab-status
        LabStatus status = await lab.GetStatusAsync(cancellationToken);
        Console.WriteLine($"{status.LoadBalancerDnsName}: {status.LoadBalancerState}, serving: {status.IsServing}");
        foreach (InstanceStatus instance in status.Instances)
        {
            // e.g. "hello-1 i-0abc running us-east-1a healthy" or "hello-2 i-0def stopped us-east-1b unused Target.InvalidState"
            Console.WriteLine($"{instance.Name} {instance.InstanceId} {instance.State} {instance.AvailabilityZone} {instance.TargetState} {instance.TargetReason}");
        }

        // Wait again, e.g. after changing something on the instances (the lab's TargetsHealthy timeout when null).
        status = await lab.WaitForHealthyAsync(TimeSpan.FromMinutes(5), cancellationToken);
        #endregion
        return status;
    }

    /// <summary>The failover drill.</summary>
    public static async Task<DrillReport> DrillAsync(IAlbLab lab, CancellationToken cancellationToken = default)
    {
        #region snippet:lab-drill
        DrillReport drill = await lab.RunFailoverDrillAsync(
            new DrillOptions { InstanceIndex = 1, Requests = 20 },
            new Progress<DrillEvent>(e => Console.WriteLine(e)),
            cancellationToken);

        Console.WriteLine(drill.Summary);
        if (!drill.Succeeded)
        {
            Console.WriteLine($"only the survivors served: {drill.OnlySurvivorServed}, all serve again: {drill.AllServeAgain}");
        }
        #endregion
        return drill;
    }

    /// <summary>Keep a lab across processes: leave it running, find it again, destroy it.</summary>
    public static async Task<bool> AttachAndDestroyAsync(CancellationToken cancellationToken = default)
    {
        #region snippet:lab-attach-destroy
        // Process 1: create and leave running.
        IAlbLab lab = AlbLab.Create("kept").WithTimeToLive(TimeSpan.FromHours(8)).Build();
        await lab.StartAsync(cancellationToken: cancellationToken);
        // (no DisposeAsync here: it would tear the lab down)

        // Process 2: find it by its tags and look at it.
        await using IAlbLab found = AlbLab.Create("kept").Build();
        if (await found.AttachAsync(cancellationToken))   // Describe calls only
        {
            Console.WriteLine((await found.GetStatusAsync(cancellationToken)).LoadBalancerState);
        }

        // Process 3: delete it. DestroyAsync re-finds everything by tag; no start or attach needed.
        await using IAlbLab doomed = AlbLab.Create("kept").Build();
        await doomed.DestroyAsync(new Progress<LabEvent>(e => Console.WriteLine(e.Message)), cancellationToken);
        #endregion
        return doomed.State == LabState.Destroyed;
    }

    /// <summary>Delete every expired lab in an account and region.</summary>
    public static async Task<int> SweepAsync(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elb, CancellationToken cancellationToken = default)
    {
        #region snippet:aws-sweep
        var removed = 0;
        foreach (LabSummary summary in await AlbLabDirectory.ListAsync(ec2, elb, cancellationToken))
        {
            Console.WriteLine($"{summary.Name} ({summary.LabId}) expires {summary.ExpiresAt:u}: {string.Join(", ", summary.ResourceIds)}");
            if (summary.IsExpired(TimeProvider.System.GetUtcNow()))
            {
                await using var lab = AlbLab.Create(summary.Name).WithAwsClients(ec2, elb).Build();
                await lab.DestroyAsync(cancellationToken: cancellationToken);
                removed++;
            }
        }
        #endregion
        return removed;
    }

    /// <summary>Progress events and rollback.</summary>
    public static async Task<LabStep?> EventsAsync(IAlbLab lab, CancellationToken cancellationToken = default)
    {
        #region snippet:lab-errors
        try
        {
            await lab.StartAsync(new Progress<LabEvent>(e =>
            {
                if (e.Kind is LabEventKind.Completed or LabEventKind.Failed or LabEventKind.Removed)
                {
                    Console.WriteLine($"{e.Timestamp:HH:mm:ss} {e.Kind} {e.Step} {e.ResourceId}");
                }
            }), cancellationToken);
        }
        catch (AlbLabException e)
        {
            // e.Step: the failed step; e.Created: what the start had created; e.Removed: what the rollback removed.
            // e.InnerException: the cause, e.g. an AmazonServiceException with its ErrorCode, or a WaiterException.
            Console.WriteLine(e.Message);
            return e.Step;
        }
        catch (OperationCanceledException e) when (e.InnerException is AlbLabException rollback)
        {
            Console.WriteLine($"Cancelled; rolled back: {string.Join(", ", rollback.Removed)}");
            throw;
        }
        #endregion
        return null;
    }
}
