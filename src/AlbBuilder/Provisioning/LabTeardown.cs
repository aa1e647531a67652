using System.Collections.Concurrent;

namespace AlbBuilder.Provisioning;

/// <summary>
/// Deletes a lab's resources in dependency order: listener → load balancer → wait deleted → target group, with the
/// instances terminating in parallel; then the security groups (cross-references revoked first). Each kind's delete
/// lives with its concept; NotFound counts as done, so a teardown can be repeated; ResourceInUse and
/// DependencyViolation are retried until the deadline (the lab's teardown timeout).
/// </summary>
internal sealed class LabTeardown(LabContext lab, LabProgress progress)
{
    private readonly ConcurrentQueue<LabResource> _removed = new();
    private readonly ConcurrentQueue<Exception> _errors = new();

    /// <summary>
    /// Runs the teardown, bounded by the teardown timeout; never throws: AWS errors and a cancellation are in the result
    /// (what was removed until then is too).
    /// </summary>
    public async Task<TeardownResult> RunAsync(LabResourceSet plan, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(lab.TeardownTimeout, lab.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var ct = linked.Token;

        var loadBalancerBranch = Guard(() => LoadBalancerBranchAsync(plan, ct));
        var instanceBranch = Guard(() => InstanceBranchAsync(plan.IdsOf(LabResourceKind.Instance), ct));
        await Task.WhenAll(loadBalancerBranch, instanceBranch).ConfigureAwait(false);

        // The instances' group first: it refers to the load balancer's.
        LabResourceSet groups = [.. plan.Where(r => r.Kind == LabResourceKind.InstanceSecurityGroup), .. plan.Where(r => r.Kind == LabResourceKind.LoadBalancerSecurityGroup)];
        if (!groups.IsEmpty)
        {
            if (_errors.IsEmpty)
            {
                await Guard(() => SecurityGroupsAsync(groups, ct)).ConfigureAwait(false);
            }
            else
            {
                progress.Failed(LabStep.DeleteSecurityGroup, $"Kept {groups}: an earlier teardown step failed and they may still be in use.", null);
            }
        }

        return new TeardownResult(LabResourceSet.From(_removed), [.. _errors]);
    }

    /// <summary>
    /// Runs the teardown as the <see cref="LabStep.Teardown"/> step (its activity and events): the plan is worked out
    /// inside it (e.g. a lookup by tag). Throws <see cref="AlbLabException"/> with what was removed when something could not be.
    /// </summary>
    public async Task<TeardownResult> RunAsStepAsync(
        string started,
        Func<CancellationToken, Task<LabResourceSet>> plan,
        Func<TeardownResult, string> incomplete,
        CancellationToken cancellationToken)
    {
        using var activity = LabActivities.Start(lab.Name, LabStep.Teardown);
        progress.Started(LabStep.Teardown, started);
        try
        {
            var result = await RunAsync(await plan(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!result.Succeeded)
            {
                throw new AlbLabException(
                    incomplete(result),
                    result.Errors.Count == 1 ? result.Errors[0] : new AggregateException(result.Errors),
                    LabStep.Teardown,
                    LabResourceSet.Empty,
                    result.Removed);
            }

            LabActivities.Succeeded(activity);
            return result;
        }
        catch (Exception ex)
        {
            LabActivities.Failed(activity, ex);
            throw;
        }
    }

    private async Task Guard(Func<Task> branch)
    {
        try
        {
            await branch().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _errors.Enqueue(ex);
        }
    }

    private async Task LoadBalancerBranchAsync(LabResourceSet plan, CancellationToken ct)
    {
        foreach (var listener in plan.Where(r => r.Kind == LabResourceKind.Listener))
        {
            await DeleteAsync(LabStep.DeleteListener, listener, () => LabListener.DeleteAsync(lab, listener.Id, ct)).ConfigureAwait(false);
        }

        foreach (var loadBalancer in plan.Where(r => r.Kind == LabResourceKind.LoadBalancer))
        {
            await DeleteAsync(LabStep.DeleteLoadBalancer, loadBalancer, () => LabLoadBalancer.DeleteAsync(lab, progress, loadBalancer.Id, ct)).ConfigureAwait(false);
        }

        foreach (var targetGroup in plan.Where(r => r.Kind == LabResourceKind.TargetGroup))
        {
            await DeleteAsync(LabStep.DeleteTargetGroup, targetGroup, () => LabTargetGroup.DeleteAsync(lab, progress, targetGroup.Id, ct)).ConfigureAwait(false);
        }
    }

    private async Task InstanceBranchAsync(IReadOnlyList<string> instanceIds, CancellationToken ct)
    {
        if (instanceIds.Count == 0)
        {
            return;
        }

        var ids = string.Join(", ", instanceIds);
        using var activity = LabActivities.Start(lab.Name, LabStep.TerminateInstances);
        progress.Started(LabStep.TerminateInstances, $"Terminating {ids}");
        try
        {
            await LabInstances.TerminateAndWaitAsync(lab, progress, instanceIds, ct).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LabActivities.Failed(activity, ex);
            progress.Failed(LabStep.TerminateInstances, $"Could not terminate {ids}: {ex.Message}", ex);
            throw;
        }

        foreach (var id in instanceIds)
        {
            Terminated(id);
        }

        LabActivities.Succeeded(activity);
        progress.Completed(LabStep.TerminateInstances, $"Terminated {ids}");
    }

    private async Task SecurityGroupsAsync(LabResourceSet groups, CancellationToken ct)
    {
        await LabSecurityGroups.RevokeCrossReferencesAsync(lab.Ec2, progress, [.. groups.Select(g => g.Id)], ct).ConfigureAwait(false);
        foreach (var group in groups)
        {
            await DeleteAsync(
                LabStep.DeleteSecurityGroup,
                group,
                () => LabSecurityGroups.DeleteAsync(lab, progress, group.Id, token => TerminateLateInstancesAsync(group, token), ct)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A create whose response was lost (a RunInstances cancelled or timed out mid-call) can still launch instances after
    /// the lab was looked up; they keep the lab's groups in use for ever. Terminate the lab's own instances that use the group.
    /// </summary>
    private async Task TerminateLateInstancesAsync(LabResource group, CancellationToken ct)
    {
        var late = await LabInstances.FindUsingGroupAsync(lab.Ec2, lab.Name, group.Id, ct).ConfigureAwait(false);
        if (late.Count == 0)
        {
            return;
        }

        progress.Progress(LabStep.DeleteSecurityGroup, $"{group.Id} is still used by lab instance(s) {string.Join(", ", late)} launched after the lookup: terminating them", group);
        foreach (var id in await LabInstances.TerminateAsync(lab.Ec2, late, ct).ConfigureAwait(false))
        {
            Terminated(id);
        }
    }

    private void Terminated(string instanceId)
    {
        var instance = new LabResource(LabResourceKind.Instance, instanceId);
        _removed.Enqueue(instance);
        progress.Removed(LabStep.TerminateInstances, $"Terminated {instance}", instance);
    }

    private async Task DeleteAsync(LabStep step, LabResource resource, Func<Task> delete)
    {
        using var activity = LabActivities.Start(lab.Name, step, resource);
        progress.Started(step, $"Deleting {resource}", resource);
        try
        {
            await delete().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LabActivities.Failed(activity, ex);
            progress.Failed(step, $"Could not delete {resource}: {ex.Message}", ex, resource);
            throw;
        }

        _removed.Enqueue(resource);
        LabActivities.Succeeded(activity);
        progress.Removed(step, $"Deleted {resource}", resource);
    }
}
