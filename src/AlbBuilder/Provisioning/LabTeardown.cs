using System.Collections.Concurrent;
using AlbBuilder.Ec2;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Waiters;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Provisioning;

/// <summary>
/// Deletes a lab's resources in dependency order: listener → load balancer → wait deleted → target group, with the
/// instances terminating in parallel; then the security groups (cross-references revoked first). NotFound counts as
/// done, so a teardown can be repeated; ResourceInUse and DependencyViolation are retried until the deadline.
/// </summary>
internal sealed class LabTeardown
{
    private readonly IAmazonEC2 _ec2;
    private readonly IAmazonElasticLoadBalancingV2 _elb;
    private readonly TimeProvider _time;
    private readonly LabProgress _progress;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _pollInterval;
    private readonly ConcurrentQueue<string> _removed = new();
    private readonly ConcurrentQueue<Exception> _errors = new();

    public LabTeardown(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elb, TimeProvider time, LabProgress progress, TimeSpan timeout, TimeSpan pollInterval)
    {
        _pollInterval = pollInterval;
        _ec2 = ec2;
        _elb = elb;
        _time = time;
        _progress = progress;
        _timeout = timeout;
    }

    /// <summary>Runs the teardown, bounded by the teardown timeout; never throws for AWS errors (they are in the result).</summary>
    public async Task<TeardownResult> RunAsync(TeardownPlan plan, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var ct = linked.Token;

        var loadBalancerBranch = Guard(() => LoadBalancerBranchAsync(plan, ct));
        var instanceBranch = Guard(() => InstanceBranchAsync(plan.InstanceIds, ct));
        await Task.WhenAll(loadBalancerBranch, instanceBranch).ConfigureAwait(false);

        if (plan.SecurityGroupIds.Count > 0)
        {
            if (_errors.IsEmpty)
            {
                await Guard(() => SecurityGroupsAsync(plan.SecurityGroupIds, ct)).ConfigureAwait(false);
            }
            else
            {
                _progress.Failed("DeleteSecurityGroup", $"Kept security groups {string.Join(", ", plan.SecurityGroupIds)}: an earlier teardown step failed and they may still be in use.", null);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new TeardownResult([.. _removed], [.. _errors]);
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

    private async Task LoadBalancerBranchAsync(TeardownPlan plan, CancellationToken ct)
    {
        foreach (var listenerArn in plan.ListenerArns)
        {
            await StepAsync("DeleteListener", $"listener {listenerArn}", async () =>
            {
                try
                {
                    await _elb.DeleteListenerAsync(new DeleteListenerRequest { ListenerArn = listenerArn }, ct).ConfigureAwait(false);
                }
                catch (ListenerNotFoundException)
                {
                }
            }).ConfigureAwait(false);
        }

        if (plan.LoadBalancerArn is { } loadBalancerArn)
        {
            await StepAsync("DeleteLoadBalancer", $"load balancer {loadBalancerArn}", async () =>
            {
                try
                {
                    await _elb.DeleteLoadBalancerAsync(new DeleteLoadBalancerRequest { LoadBalancerArn = loadBalancerArn }, ct).ConfigureAwait(false);
                }
                catch (LoadBalancerNotFoundException)
                {
                }

                await _elb.WaitUntilLoadBalancersDeletedAsync([loadBalancerArn], LabWaits.Options(_time, _timeout, _pollInterval, _progress, "DeleteLoadBalancer"), ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        if (plan.TargetGroupArn is { } targetGroupArn)
        {
            // ResourceInUse while the deleted listener still refers to it, for a short while.
            await StepAsync("DeleteTargetGroup", $"target group {targetGroupArn}", () => LabRetry.RunAsync(
                "DeleteTargetGroup",
                async token =>
                {
                    try
                    {
                        await _elb.DeleteTargetGroupAsync(new DeleteTargetGroupRequest { TargetGroupArn = targetGroupArn }, token).ConfigureAwait(false);
                    }
                    catch (TargetGroupNotFoundException)
                    {
                    }
                },
                ex => ex is ResourceInUseException,
                RetryPolicy.UntilDeadline(_pollInterval),
                _time,
                _progress,
                ct)).ConfigureAwait(false);
        }
    }

    private async Task InstanceBranchAsync(IReadOnlyList<string> instanceIds, CancellationToken ct)
    {
        if (instanceIds.Count == 0)
        {
            return;
        }

        var ids = string.Join(", ", instanceIds);
        _progress.Started("TerminateInstances", $"Terminating {ids}");
        try
        {
            var live = await TerminateAsync(instanceIds, ct).ConfigureAwait(false);
            if (live.Count > 0)
            {
                await _ec2.WaitUntilInstancesTerminatedAsync(live, LabWaits.Options(_time, _timeout, _pollInterval, _progress, "TerminateInstances"), ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _progress.Failed("TerminateInstances", $"Could not terminate {ids}: {ex.Message}", ex);
            throw;
        }

        foreach (var id in instanceIds)
        {
            _removed.Enqueue($"instance {id}");
            _progress.Removed("TerminateInstances", $"Terminated instance {id}", id);
        }

        _progress.Completed("TerminateInstances", $"Terminated {ids}");
    }

    /// <summary>One call for all; if EC2 doesn't know one of them, one call each so the others still go. Returns those that existed.</summary>
    private async Task<IReadOnlyList<string>> TerminateAsync(IReadOnlyList<string> instanceIds, CancellationToken ct)
    {
        try
        {
            await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [.. instanceIds] }, ct).ConfigureAwait(false);
            return instanceIds;
        }
        catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidInstanceIdNotFound) && instanceIds.Count > 1)
        {
            var live = new List<string>();
            foreach (var id in instanceIds)
            {
                try
                {
                    await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] }, ct).ConfigureAwait(false);
                    live.Add(id);
                }
                catch (AmazonEC2Exception single) when (single.HasErrorCode(Ec2ErrorCodes.InvalidInstanceIdNotFound))
                {
                }
            }

            return live;
        }
        catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidInstanceIdNotFound))
        {
            return [];
        }
    }

    private async Task SecurityGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken ct)
    {
        await RevokeCrossReferencesAsync(groupIds, ct).ConfigureAwait(false);

        // The load balancer's ENIs linger for minutes after it is deleted: DependencyViolation until they are gone.
        foreach (var groupId in groupIds)
        {
            await StepAsync("DeleteSecurityGroup", $"security group {groupId}", () => LabRetry.RunAsync(
                "DeleteSecurityGroup",
                async token =>
                {
                    try
                    {
                        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId }, token).ConfigureAwait(false);
                    }
                    catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupNotFound))
                    {
                    }
                },
                ex => ex.HasErrorCode(Ec2ErrorCodes.DependencyViolation),
                RetryPolicy.UntilDeadline(_pollInterval),
                _time,
                _progress,
                ct)).ConfigureAwait(false);
        }
    }

    /// <summary>A group referenced by another group's rule can't be deleted: revoke rules that name another lab group first.</summary>
    private async Task RevokeCrossReferencesAsync(IReadOnlyList<string> groupIds, CancellationToken ct)
    {
        var groups = await Ec2Queries.DescribeSecurityGroupsAsync(_ec2, [Ec2ModelExtensions.Filter("group-id", [.. groupIds])], ct).ConfigureAwait(false);
        foreach (var group in groups)
        {
            var references = (group.IpPermissions ?? [])
                .Select(p => new IpPermission
                {
                    IpProtocol = p.IpProtocol,
                    FromPort = p.FromPort,
                    ToPort = p.ToPort,
                    UserIdGroupPairs = [.. (p.UserIdGroupPairs ?? []).Where(pair => pair.GroupId is { } id && id != group.GroupId && groupIds.Contains(id))],
                })
                .Where(p => p.UserIdGroupPairs.Count > 0)
                .ToList();
            if (references.Count == 0 || group.GroupId is null)
            {
                continue;
            }

            try
            {
                await _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group.GroupId, IpPermissions = references }, ct).ConfigureAwait(false);
                _progress.Progress("DeleteSecurityGroup", $"Revoked the rules of {group.GroupId} that refer to another lab security group", group.GroupId);
            }
            catch (AmazonEC2Exception ex) when (ex.HasErrorCode(Ec2ErrorCodes.InvalidPermissionNotFound) || ex.HasErrorCode(Ec2ErrorCodes.InvalidGroupNotFound))
            {
            }
        }
    }

    private async Task StepAsync(string step, string resource, Func<Task> action)
    {
        var id = resource[(resource.LastIndexOf(' ') + 1)..];
        _progress.Started(step, $"Deleting {resource}", id);
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _progress.Failed(step, $"Could not delete {resource}: {ex.Message}", ex, id);
            throw;
        }

        _removed.Enqueue(resource);
        _progress.Removed(step, $"Deleted {resource}", id);
    }
}
