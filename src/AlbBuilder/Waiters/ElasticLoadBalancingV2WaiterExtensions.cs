using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.Runtime;

namespace AlbBuilder.Waiters;

/// <summary>
/// The official ELBv2 waiters (<c>elbv2/waiters-2.json</c>) with explicit failure states, on
/// <see cref="IAmazonElasticLoadBalancingV2"/>. Defaults: 15 s minimum delay, 10-minute timeout.
/// </summary>
public static class ElasticLoadBalancingV2WaiterExtensions
{
    private const string LoadBalancerStatePath = "LoadBalancers[].State.Code";
    private const string TargetStatePath = "TargetHealthDescriptions[].TargetHealth.State";
    private const string LoadBalancerNotFound = "LoadBalancerNotFound";
    private const string InvalidTarget = "InvalidTarget";

    /// <summary>
    /// Waits until the load balancer is <c>active</c>; retries while it is <c>provisioning</c> (or
    /// <c>active_impaired</c>) and on <c>LoadBalancerNotFound</c>; fails at once when it is <c>failed</c>.
    /// </summary>
    /// <param name="elbv2">The ELBv2 client.</param>
    /// <param name="loadBalancerArn">The load balancer's ARN.</param>
    /// <param name="options">Timing, clock and progress; defaults to 15 s minimum delay and a 10-minute timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The load balancer as last described.</returns>
    /// <exception cref="ArgumentException"><paramref name="loadBalancerArn"/> is blank, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="WaiterFailedException">The load balancer is in the <c>failed</c> state.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first.</exception>
    /// <exception cref="AmazonServiceException">ELBv2 returned an error no acceptor expects.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<LoadBalancer> WaitUntilLoadBalancerAvailableAsync(
        this IAmazonElasticLoadBalancingV2 elbv2,
        string loadBalancerArn,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(elbv2);
        ArgumentException.ThrowIfNullOrWhiteSpace(loadBalancerArn);
        var definition = new WaiterDefinition<IReadOnlyList<LoadBalancer>>(
            "LoadBalancerAvailable",
            [
                WaiterAcceptor<IReadOnlyList<LoadBalancer>>.PathAll(StateCodes, "active", WaiterState.Success, LoadBalancerStatePath),
                WaiterAcceptor<IReadOnlyList<LoadBalancer>>.PathAny(StateCodes, "provisioning", WaiterState.Retry, LoadBalancerStatePath),

                // Not in the official model, which would wait out the timeout on a load balancer that cannot become active.
                WaiterAcceptor<IReadOnlyList<LoadBalancer>>.PathAny(StateCodes, "failed", WaiterState.Failure, LoadBalancerStatePath),
                WaiterAcceptor<IReadOnlyList<LoadBalancer>>.Error(LoadBalancerNotFound, WaiterState.Retry),
            ],
            ObserveLoadBalancers)
        {
            ObserveError = error => [ErrorState(loadBalancerArn, error)],
        };

        var result = await Waiter.WaitAsync(
            definition,
            ct => DescribeLoadBalancersAsync(elbv2, loadBalancerArn, ct),
            options,
            cancellationToken).ConfigureAwait(false);
        var loadBalancers = result.Response ?? [];
        return loadBalancers.FirstOrDefault(lb => lb.LoadBalancerArn == loadBalancerArn) ?? loadBalancers[0];
    }

    /// <summary>
    /// Waits until none of the load balancers exists any more. Each ARN is described on its own, because
    /// one DescribeLoadBalancers call fails with <c>LoadBalancerNotFound</c> as soon as any of them is gone;
    /// retries while any is still returned (<c>active</c>, <c>provisioning</c>, …).
    /// </summary>
    /// <param name="elbv2">The ELBv2 client.</param>
    /// <param name="loadBalancerArns">The ARNs of the load balancers being deleted.</param>
    /// <param name="options">Timing, clock and progress; defaults to 15 s minimum delay and a 10-minute timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when every load balancer is gone.</returns>
    /// <exception cref="ArgumentException"><paramref name="loadBalancerArns"/> is empty or holds a blank ARN, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first; the exception lists the load balancers still present.</exception>
    /// <exception cref="AmazonServiceException">ELBv2 returned an error other than <c>LoadBalancerNotFound</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task WaitUntilLoadBalancersDeletedAsync(
        this IAmazonElasticLoadBalancingV2 elbv2,
        IReadOnlyCollection<string> loadBalancerArns,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(elbv2);
        var arns = WaiterArguments.RequireIds(loadBalancerArns, nameof(loadBalancerArns));
        var definition = new WaiterDefinition<IReadOnlyList<LoadBalancerPresence>>(
            "LoadBalancersDeleted",
            [
                WaiterAcceptor<IReadOnlyList<LoadBalancerPresence>>.Path(
                    presences => presences.All(presence => presence.LoadBalancer is null),
                    "deleted",
                    WaiterState.Success,
                    "every load balancer answers LoadBalancerNotFound"),
                WaiterAcceptor<IReadOnlyList<LoadBalancerPresence>>.PathAny(PresentStateCodes, "active", WaiterState.Retry, LoadBalancerStatePath),
                WaiterAcceptor<IReadOnlyList<LoadBalancerPresence>>.PathAny(PresentStateCodes, "provisioning", WaiterState.Retry, LoadBalancerStatePath),
            ],
            ObservePresences);

        await Waiter.WaitAsync(
            definition,
            async ct =>
            {
                var presences = new List<LoadBalancerPresence>(arns.Count);
                foreach (var arn in arns)
                {
                    presences.Add(await DescribePresenceAsync(elbv2, arn, ct).ConfigureAwait(false));
                }

                return (IReadOnlyList<LoadBalancerPresence>)presences;
            },
            options,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until every given target is <c>healthy</c>. Retries while targets are <c>initial</c>, <c>unhealthy</c>
    /// (a target may still pass its checks) or <c>draining</c>; fails at once when a target is <c>unused</c> with
    /// reason <c>Target.InvalidState</c> (its instance is stopped or terminated) or the service answers <c>InvalidTarget</c>.
    /// </summary>
    /// <param name="elbv2">The ELBv2 client.</param>
    /// <param name="targetGroupArn">The target group's ARN.</param>
    /// <param name="targets">The targets to wait for (required: without them one stopped instance would make the wait last forever).</param>
    /// <param name="options">Timing, clock and progress; defaults to 15 s minimum delay and a 10-minute timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The health of the targets as last described.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetGroupArn"/> is blank, <paramref name="targets"/> is empty or holds a target without id, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="WaiterFailedException">A target cannot become healthy.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first; the exception carries each target's last state, reason and description.</exception>
    /// <exception cref="AmazonServiceException">ELBv2 returned an error no acceptor expects (for example <c>TargetGroupNotFound</c>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<IReadOnlyList<TargetHealthDescription>> WaitUntilTargetsInServiceAsync(
        this IAmazonElasticLoadBalancingV2 elbv2,
        string targetGroupArn,
        IReadOnlyCollection<TargetDescription> targets,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        return await WaitForTargetsAsync(
            elbv2,
            targetGroupArn,
            targets,
            "TargetInService",
            [
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.PathAll(TargetStates, "healthy", WaiterState.Success, TargetStatePath),
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.Path(
                    descriptions => descriptions.Any(IsStoppedOrTerminated),
                    "unused (Target.InvalidState)",
                    WaiterState.Failure,
                    "any target unused with reason Target.InvalidState: its instance is stopped or terminated"),
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.PathAny(TargetStates, "initial", WaiterState.Retry, TargetStatePath),
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.PathAny(TargetStates, "unhealthy", WaiterState.Retry, TargetStatePath),
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.PathAny(TargetStates, "draining", WaiterState.Retry, TargetStatePath),
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.Error(InvalidTarget, WaiterState.Failure),

                // Kept from the official model (a Classic Load Balancer code ELBv2 is not known to return).
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.Error("InvalidInstance", WaiterState.Retry),
            ],
            options,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until every given target is deregistered: <c>InvalidTarget</c>, or all <c>unused</c> with reason
    /// <c>Target.NotRegistered</c> (or no reason). Retries while targets are <c>draining</c>, <c>initial</c>,
    /// <c>healthy</c>, <c>unhealthy</c> or <c>unused</c> for another reason (still registered, for example a stopped instance).
    /// </summary>
    /// <param name="elbv2">The ELBv2 client.</param>
    /// <param name="targetGroupArn">The target group's ARN.</param>
    /// <param name="targets">The targets being deregistered.</param>
    /// <param name="options">Timing, clock and progress; defaults to 15 s minimum delay and a 10-minute timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The health of the targets as last described; empty when the service answered <c>InvalidTarget</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetGroupArn"/> is blank, <paramref name="targets"/> is empty or holds a target without id, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first (the deregistration delay defaults to 300 s).</exception>
    /// <exception cref="AmazonServiceException">ELBv2 returned an error no acceptor expects.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<IReadOnlyList<TargetHealthDescription>> WaitUntilTargetsDeregisteredAsync(
        this IAmazonElasticLoadBalancingV2 elbv2,
        string targetGroupArn,
        IReadOnlyCollection<TargetDescription> targets,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        return await WaitForTargetsAsync(
            elbv2,
            targetGroupArn,
            targets,
            "TargetDeregistered",
            [
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.Error(InvalidTarget, WaiterState.Success),
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.Path(
                    descriptions => descriptions.Count > 0 && descriptions.All(IsNotRegistered),
                    "unused (Target.NotRegistered)",
                    WaiterState.Success,
                    "all targets unused with reason Target.NotRegistered"),
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.PathAny(TargetStates, "draining", WaiterState.Retry, TargetStatePath),
            ],
            options,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until every given target is <c>unused</c>, whatever the reason (the official TargetDeregistered path
    /// acceptor): covers a stopped instance whose target shows <c>unused</c> / <c>Target.InvalidState</c> while still
    /// registered, as in a failover drill. <c>InvalidTarget</c> (the instance is gone) also counts as unused.
    /// </summary>
    /// <param name="elbv2">The ELBv2 client.</param>
    /// <param name="targetGroupArn">The target group's ARN.</param>
    /// <param name="targets">The targets to wait for.</param>
    /// <param name="options">Timing, clock and progress; defaults to 15 s minimum delay and a 10-minute timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The health of the targets as last described (with their reasons); empty when the service answered <c>InvalidTarget</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetGroupArn"/> is blank, <paramref name="targets"/> is empty or holds a target without id, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first.</exception>
    /// <exception cref="AmazonServiceException">ELBv2 returned an error no acceptor expects.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<IReadOnlyList<TargetHealthDescription>> WaitUntilTargetsUnusedAsync(
        this IAmazonElasticLoadBalancingV2 elbv2,
        string targetGroupArn,
        IReadOnlyCollection<TargetDescription> targets,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        return await WaitForTargetsAsync(
            elbv2,
            targetGroupArn,
            targets,
            "TargetUnused",
            [
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.PathAll(TargetStates, "unused", WaiterState.Success, TargetStatePath),
                WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>.Error(InvalidTarget, WaiterState.Success),
            ],
            options,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The plumbing every target waiter shares: argument checks, DescribeTargetHealth for exactly those targets, observed states.</summary>
    private static async Task<IReadOnlyList<TargetHealthDescription>> WaitForTargetsAsync(
        IAmazonElasticLoadBalancingV2 elbv2,
        string targetGroupArn,
        IReadOnlyCollection<TargetDescription> targets,
        string waiterName,
        IEnumerable<WaiterAcceptor<IReadOnlyList<TargetHealthDescription>>> acceptors,
        WaiterOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(elbv2);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetGroupArn);
        RequireTargets(targets);
        var definition = new WaiterDefinition<IReadOnlyList<TargetHealthDescription>>(waiterName, acceptors, ObserveTargets)
        {
            ObserveError = error => [ErrorState(DescribeTargets(targets), error)],
        };

        var result = await Waiter.WaitAsync(
            definition,
            ct => DescribeTargetHealthAsync(elbv2, targetGroupArn, targets, ct),
            options,
            cancellationToken).ConfigureAwait(false);
        return result.Response ?? [];
    }

    private static void RequireTargets(IReadOnlyCollection<TargetDescription> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new ArgumentException("At least one target is required: without explicit targets one stopped instance keeps the waiter waiting.", nameof(targets));
        }

        if (targets.Any(target => target is null || string.IsNullOrWhiteSpace(target.Id)))
        {
            throw new ArgumentException("Every target needs an id.", nameof(targets));
        }
    }

    private static bool IsStoppedOrTerminated(TargetHealthDescription description) =>
        description.TargetHealth?.State?.Value == TargetHealthStateEnum.Unused.Value
        && description.TargetHealth.Reason?.Value == TargetHealthReasonEnum.TargetInvalidState.Value;

    private static bool IsNotRegistered(TargetHealthDescription description) =>
        description.TargetHealth?.State?.Value == TargetHealthStateEnum.Unused.Value
        && (description.TargetHealth.Reason is null || description.TargetHealth.Reason.Value == TargetHealthReasonEnum.TargetNotRegistered.Value);

    private static IEnumerable<string?> StateCodes(IReadOnlyList<LoadBalancer> loadBalancers) =>
        loadBalancers.Select(lb => lb.State?.Code?.Value);

    private static IEnumerable<string?> PresentStateCodes(IReadOnlyList<LoadBalancerPresence> presences) =>
        presences.Where(presence => presence.LoadBalancer is not null).Select(presence => presence.LoadBalancer!.State?.Code?.Value);

    private static IEnumerable<string?> TargetStates(IReadOnlyList<TargetHealthDescription> descriptions) =>
        descriptions.Select(description => description.TargetHealth?.State?.Value);

    private static IReadOnlyList<ObservedState> ObserveLoadBalancers(IReadOnlyList<LoadBalancer> loadBalancers) =>
        [.. loadBalancers.Select(lb => ObserveLoadBalancer(lb.LoadBalancerArn ?? "(unknown)", lb))];

    private static IReadOnlyList<ObservedState> ObservePresences(IReadOnlyList<LoadBalancerPresence> presences) =>
        [.. presences.Select(presence => presence.LoadBalancer is { } lb
            ? ObserveLoadBalancer(presence.Arn, lb)
            : new ObservedState(presence.Arn, "deleted", LoadBalancerNotFound))];

    private static ObservedState ObserveLoadBalancer(string arn, LoadBalancer loadBalancer) =>
        new(loadBalancer.LoadBalancerName ?? arn, loadBalancer.State?.Code?.Value ?? "(unknown)", Description: loadBalancer.State?.Reason);

    private static IReadOnlyList<ObservedState> ObserveTargets(IReadOnlyList<TargetHealthDescription> descriptions) =>
        [.. descriptions.Select(description => new ObservedState(
            DescribeTarget(description.Target),
            description.TargetHealth?.State?.Value ?? "(unknown)",
            description.TargetHealth?.Reason?.Value,
            description.TargetHealth?.Description))];

    private static string DescribeTarget(TargetDescription? target) =>
        target is null ? "(unknown)" : target.Port is { } port ? $"{target.Id}:{port}" : target.Id ?? "(unknown)";

    private static string DescribeTargets(IEnumerable<TargetDescription> targets) =>
        string.Join(",", targets.Select(DescribeTarget));

    private static ObservedState ErrorState(string id, AmazonServiceException error) =>
        new(id, error.ErrorCode ?? error.GetType().Name, Description: error.Message);

    private static async Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(IAmazonElasticLoadBalancingV2 elbv2, string arn, CancellationToken cancellationToken)
    {
        var loadBalancers = new List<LoadBalancer>();
        string? marker = null;
        do
        {
            var request = new DescribeLoadBalancersRequest { LoadBalancerArns = [arn], Marker = marker };
            var response = await elbv2.DescribeLoadBalancersAsync(request, cancellationToken).ConfigureAwait(false);
            loadBalancers.AddRange(response?.LoadBalancers?.Where(lb => lb is not null) ?? []);
            marker = response?.NextMarker;
        }
        while (!string.IsNullOrEmpty(marker));

        return loadBalancers;
    }

    private static async Task<LoadBalancerPresence> DescribePresenceAsync(IAmazonElasticLoadBalancingV2 elbv2, string arn, CancellationToken cancellationToken)
    {
        try
        {
            var loadBalancers = await DescribeLoadBalancersAsync(elbv2, arn, cancellationToken).ConfigureAwait(false);
            return new LoadBalancerPresence(arn, loadBalancers.FirstOrDefault());
        }
        catch (AmazonServiceException error) when (error.ErrorCode == LoadBalancerNotFound)
        {
            return new LoadBalancerPresence(arn, null);
        }
    }

    private static async Task<IReadOnlyList<TargetHealthDescription>> DescribeTargetHealthAsync(
        IAmazonElasticLoadBalancingV2 elbv2,
        string targetGroupArn,
        IEnumerable<TargetDescription> targets,
        CancellationToken cancellationToken)
    {
        var request = new DescribeTargetHealthRequest { TargetGroupArn = targetGroupArn, Targets = [.. targets] };
        var response = await elbv2.DescribeTargetHealthAsync(request, cancellationToken).ConfigureAwait(false);
        return [.. response?.TargetHealthDescriptions?.Where(description => description is not null) ?? []];
    }
}
