using System.Globalization;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Waiters;

namespace AlbBuilder.Provisioning;

/// <summary>
/// The lab's target group: creates it (HTTP on the target port, the lab's health check), registers the instances,
/// waits until they are healthy (the one "targets healthy" wait), finds it by name and deletes it.
/// </summary>
internal static class LabTargetGroup
{
    public static async Task<string> EnsureAsync(LabStart start, LabNetwork network)
    {
        var definition = start.Definition;
        var message = $"Creating target group {definition.TargetGroupName} (HTTP {definition.TargetPort}, health check {definition.HealthCheck.Path})";
        var arn = await start.EnsureAsync(LabResourceKind.TargetGroup, start.Found.TargetGroup?.TargetGroupArn, LabStep.CreateTargetGroup, message, async ct =>
            (await start.Lab.Elb.CreateTargetGroupAsync(CreateRequest(start, network), ct).ConfigureAwait(false))?.TargetGroups?.FirstOrDefault()?.TargetGroupArn).ConfigureAwait(false);
        var targetGroup = new LabResource(LabResourceKind.TargetGroup, arn);

        var delay = (int)definition.DeregistrationDelay.TotalSeconds;
        await start.Steps.RunAsync(
            LabStep.ModifyTargetGroupAttributes,
            $"Setting the deregistration delay to {delay} s",
            ct => start.Lab.Elb.ModifyTargetGroupAttributesAsync(
                new ModifyTargetGroupAttributesRequest
                {
                    TargetGroupArn = arn,
                    Attributes = [new TargetGroupAttribute { Key = "deregistration_delay.timeout_seconds", Value = delay.ToString(CultureInfo.InvariantCulture) }],
                },
                ct),
            $"Deregistration delay {delay} s",
            targetGroup).ConfigureAwait(false);
        return arn;
    }

    private static CreateTargetGroupRequest CreateRequest(LabStart start, LabNetwork network)
    {
        var health = start.Definition.HealthCheck;
        return new()
        {
            Name = start.Definition.TargetGroupName,
            Protocol = ProtocolEnum.HTTP,
            ProtocolVersion = "HTTP1",
            Port = start.Definition.TargetPort,
            VpcId = network.VpcId,
            TargetType = TargetTypeEnum.Instance,
            HealthCheckEnabled = true,
            HealthCheckProtocol = ProtocolEnum.HTTP,
            HealthCheckPort = "traffic-port",
            HealthCheckPath = health.Path,
            HealthCheckIntervalSeconds = (int)health.Interval.TotalSeconds,
            HealthCheckTimeoutSeconds = (int)health.Timeout.TotalSeconds,
            HealthyThresholdCount = health.HealthyThreshold,
            UnhealthyThresholdCount = health.UnhealthyThreshold,
            Matcher = new Matcher { HttpCode = health.Matcher },
            Tags = start.Ownership.ElbTags(LabRoles.TargetGroup),
        };
    }

    public static async Task<IReadOnlyList<string>> RegisterTargetsAsync(LabStart start, Task<string> targetGroup, Task<IReadOnlyList<string>> instances)
    {
        var arn = await targetGroup.ConfigureAwait(false);
        var ids = await instances.ConfigureAwait(false);
        await start.Steps.RunAsync(
            LabStep.RegisterTargets,
            $"Registering {string.Join(", ", ids)} with {arn}",
            ct => LabTargetRegistration.RegisterAsync(start, arn, ids, ct),
            $"Registered {ids.Count} target(s)",
            new LabResource(LabResourceKind.TargetGroup, arn)).ConfigureAwait(false);
        return ids;
    }

    /// <summary>
    /// The one "targets healthy" wait (start, <c>WaitForHealthyAsync</c>, the drill). Right after an instance was started
    /// again (<paramref name="afterInstanceStart"/>, the drill) its target can still read <c>unused</c>/Target.InvalidState for a
    /// moment, which the in-service waiter treats as final: then keep asking within the same deadline. Elsewhere
    /// <c>unused</c> fails at once (a stopped instance will not become healthy by waiting). A health check that can never
    /// pass (<see cref="LabTargetGroupHealth"/>: a wrong path or port) ends the wait early with what to change.
    /// </summary>
    public static async Task WaitHealthyAsync(
        LabContext lab,
        string targetGroupArn,
        IReadOnlyList<string> instanceIds,
        TimeSpan timeout,
        LabProgress? progress,
        bool afterInstanceStart,
        CancellationToken cancellationToken)
    {
        var targets = lab.Targets(instanceIds);
        var deadline = lab.Time.GetUtcNow() + timeout;
        using var hopeless = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var health = new LabTargetGroupHealth(lab.Definition, lab.Time, timeout, hopeless.Cancel);
        while (true)
        {
            var remaining = deadline - lab.Time.GetUtcNow();
            var options = lab.Waits(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), progress, LabStep.WaitTargetsHealthy);
            try
            {
                await lab.Elb.WaitUntilTargetsInServiceAsync(targetGroupArn, targets, options with { Progress = health.Watching(options.Progress) }, hopeless.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException ex) when (health.Verdict is { } verdict && !cancellationToken.IsCancellationRequested)
            {
                throw new AlbLabException(verdict, ex);
            }
            catch (WaiterFailedException ex) when (afterInstanceStart && ex.FailedState.StartsWith("unused", StringComparison.Ordinal) && lab.Time.GetUtcNow() < deadline)
            {
                await Task.Delay(lab.Definition.PollInterval, lab.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The target group with the lab's name, whoever owns it (the finder checks the tags).</summary>
    public static Task<TargetGroup?> FindAsync(IAmazonElasticLoadBalancingV2 elb, string name, CancellationToken cancellationToken) =>
        ElbDescribe.OrNullAsync(async () => (await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [name] }, cancellationToken).ConfigureAwait(false))
            ?.TargetGroups?.FirstOrDefault(tg => tg.TargetGroupArn is not null));

    /// <summary>Deletes it; NotFound is done; ResourceInUse (the deleted listener still refers to it for a short while) is retried.</summary>
    public static Task DeleteAsync(LabContext lab, LabProgress progress, string arn, CancellationToken cancellationToken) =>
        LabRetry.RunAsync(
            LabStep.DeleteTargetGroup,
            async token =>
            {
                try
                {
                    await lab.Elb.DeleteTargetGroupAsync(new DeleteTargetGroupRequest { TargetGroupArn = arn }, token).ConfigureAwait(false);
                }
                catch (TargetGroupNotFoundException)
                {
                }
            },
            ex => ex is ResourceInUseException,
            RetryPolicy.UntilDeadline(lab.Definition.PollInterval),
            lab.Time,
            progress,
            cancellationToken);
}
