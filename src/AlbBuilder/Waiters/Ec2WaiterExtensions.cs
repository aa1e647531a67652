using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using InstanceAcceptor = AlbBuilder.Waiters.WaiterAcceptor<System.Collections.Generic.IReadOnlyList<Amazon.EC2.Model.Instance>>;

namespace AlbBuilder.Waiters;

/// <summary>
/// The official EC2 waiters (<c>ec2/waiters-2.json</c>) with their failure states, on <see cref="IAmazonEC2"/>,
/// which has no waiters in the AWS SDK for .NET v4.
/// </summary>
public static class Ec2WaiterExtensions
{
    private const string InstanceStatePath = "Reservations[].Instances[].State.Name";
    private const string InstanceNotFound = "InvalidInstanceID.NotFound";
    private const string GroupNotFound = "InvalidGroup.NotFound";

    /// <summary>
    /// Waits until every instance is <c>running</c>; fails at once if any is <c>shutting-down</c>,
    /// <c>terminated</c> or <c>stopping</c>; retries <c>InvalidInstanceID.NotFound</c> (eventual consistency after RunInstances).
    /// </summary>
    /// <param name="ec2">The EC2 client.</param>
    /// <param name="instanceIds">The instances to wait for.</param>
    /// <param name="options">Timing, clock and progress; defaults to 15 s minimum delay and a 10-minute timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The instances as last described.</returns>
    /// <exception cref="ArgumentException"><paramref name="instanceIds"/> is empty or holds a blank id, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="WaiterFailedException">An instance reached a failure state.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first.</exception>
    /// <exception cref="AmazonServiceException">EC2 returned an error no acceptor expects.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<IReadOnlyList<Instance>> WaitUntilInstancesRunningAsync(
        this IAmazonEC2 ec2,
        IReadOnlyCollection<string> instanceIds,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        return WaitForInstancesAsync(
            ec2,
            instanceIds,
            "InstanceRunning",
            [
                All("running", WaiterState.Success),
                Any("shutting-down", WaiterState.Failure),
                Any("terminated", WaiterState.Failure),
                Any("stopping", WaiterState.Failure),
                InstanceAcceptor.Error(InstanceNotFound, WaiterState.Retry),
            ],
            options,
            cancellationToken);
    }

    /// <summary>Waits until every instance is <c>stopped</c>; fails at once if any is <c>pending</c> or <c>terminated</c>.</summary>
    /// <param name="ec2">The EC2 client.</param>
    /// <param name="instanceIds">The instances to wait for.</param>
    /// <param name="options">Timing, clock and progress; defaults to 15 s minimum delay and a 10-minute timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The instances as last described.</returns>
    /// <exception cref="ArgumentException"><paramref name="instanceIds"/> is empty or holds a blank id, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="WaiterFailedException">An instance reached a failure state.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first.</exception>
    /// <exception cref="AmazonServiceException">EC2 returned an error no acceptor expects (including <c>InvalidInstanceID.NotFound</c>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<IReadOnlyList<Instance>> WaitUntilInstancesStoppedAsync(
        this IAmazonEC2 ec2,
        IReadOnlyCollection<string> instanceIds,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        return WaitForInstancesAsync(
            ec2,
            instanceIds,
            "InstanceStopped",
            [
                All("stopped", WaiterState.Success),
                Any("pending", WaiterState.Failure),
                Any("terminated", WaiterState.Failure),
            ],
            options,
            cancellationToken);
    }

    /// <summary>
    /// Waits until every instance is <c>terminated</c>; fails at once if any is <c>pending</c> or <c>stopping</c>;
    /// <c>InvalidInstanceID.NotFound</c> counts as success (the instance is long gone).
    /// </summary>
    /// <param name="ec2">The EC2 client.</param>
    /// <param name="instanceIds">The instances to wait for.</param>
    /// <param name="options">Timing, clock and progress; defaults to 15 s minimum delay and a 10-minute timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The instances as last described; empty when EC2 no longer knows them.</returns>
    /// <exception cref="ArgumentException"><paramref name="instanceIds"/> is empty or holds a blank id, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="WaiterFailedException">An instance reached a failure state.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first.</exception>
    /// <exception cref="AmazonServiceException">EC2 returned an error no acceptor expects.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<IReadOnlyList<Instance>> WaitUntilInstancesTerminatedAsync(
        this IAmazonEC2 ec2,
        IReadOnlyCollection<string> instanceIds,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        return WaitForInstancesAsync(
            ec2,
            instanceIds,
            "InstanceTerminated",
            [
                All("terminated", WaiterState.Success),
                Any("pending", WaiterState.Failure),
                Any("stopping", WaiterState.Failure),
                InstanceAcceptor.Error(InstanceNotFound, WaiterState.Success),
            ],
            options,
            cancellationToken);
    }

    /// <summary>
    /// Waits until the security group can be described; retries <c>InvalidGroup.NotFound</c> (the code EC2 really
    /// returns; botocore's model names <c>InvalidGroupNotFound</c>). Defaults follow the official 5 s × 6 attempts.
    /// </summary>
    /// <param name="ec2">The EC2 client.</param>
    /// <param name="groupId">The security group id, for example <c>sg-0abc</c>.</param>
    /// <param name="options">Timing, clock and progress; defaults to 5 s minimum delay and a 30-second timeout.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The security group.</returns>
    /// <exception cref="ArgumentException"><paramref name="groupId"/> is blank, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="WaiterTimeoutException">The timeout passed first.</exception>
    /// <exception cref="AmazonServiceException">EC2 returned an error no acceptor expects.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<SecurityGroup> WaitUntilSecurityGroupExistsAsync(
        this IAmazonEC2 ec2,
        string groupId,
        WaiterOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var definition = new WaiterDefinition<IReadOnlyList<SecurityGroup>>(
            "SecurityGroupExists",
            [
                WaiterAcceptor<IReadOnlyList<SecurityGroup>>.Path(groups => groups.Count > 0, "exists", WaiterState.Success, "length(SecurityGroups[].GroupId) > 0"),
                WaiterAcceptor<IReadOnlyList<SecurityGroup>>.Error(GroupNotFound, WaiterState.Retry),
            ],
            groups => [.. groups.Select(group => new ObservedState(group.GroupId ?? groupId, "exists", Description: group.GroupName))])
        {
            MinDelay = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(30),
            ObserveError = error => [new ObservedState(groupId, error.ErrorCode ?? error.GetType().Name, Description: error.Message)],
        };

        var result = await Waiter.WaitAsync(
            definition,
            async ct =>
            {
                var request = new DescribeSecurityGroupsRequest { GroupIds = [groupId] };
                var response = await ec2.DescribeSecurityGroupsAsync(request, ct).ConfigureAwait(false);
                return (IReadOnlyList<SecurityGroup>)(response?.SecurityGroups ?? []);
            },
            options,
            cancellationToken).ConfigureAwait(false);

        var groups = result.Response ?? [];
        return groups.FirstOrDefault(group => group.GroupId == groupId) ?? groups[0];
    }

    /// <summary>What the instance waiters share: argument checks, DescribeInstances for exactly those instances (all pages), observed states.</summary>
    private static async Task<IReadOnlyList<Instance>> WaitForInstancesAsync(
        IAmazonEC2 ec2,
        IReadOnlyCollection<string> instanceIds,
        string name,
        WaiterAcceptor<IReadOnlyList<Instance>>[] acceptors,
        WaiterOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        var ids = WaiterArguments.RequireIds(instanceIds, nameof(instanceIds));
        var definition = new WaiterDefinition<IReadOnlyList<Instance>>(name, acceptors, ObserveInstances)
        {
            ObserveError = error => [new ObservedState(string.Join(",", ids), error.ErrorCode ?? error.GetType().Name, Description: error.Message)],
        };
        var result = await Waiter.WaitAsync(definition, ct => DescribeInstancesAsync(ec2, ids, ct), options, cancellationToken).ConfigureAwait(false);
        return result.Response ?? [];
    }

    private static WaiterAcceptor<IReadOnlyList<Instance>> All(string state, WaiterState outcome) =>
        InstanceAcceptor.PathAll(StateNames, state, outcome, InstanceStatePath);

    private static WaiterAcceptor<IReadOnlyList<Instance>> Any(string state, WaiterState outcome) =>
        InstanceAcceptor.PathAny(StateNames, state, outcome, InstanceStatePath);

    private static IEnumerable<string?> StateNames(IReadOnlyList<Instance> instances) =>
        instances.Select(instance => instance.State?.Name?.Value);

    private static IReadOnlyList<ObservedState> ObserveInstances(IReadOnlyList<Instance> instances) =>
        [.. instances.Select(instance => new ObservedState(
            instance.InstanceId ?? "(unknown)",
            instance.State?.Name?.Value ?? "(unknown)",
            instance.StateReason?.Code,
            instance.StateReason?.Message))];

    // One attempt = every page, so the acceptors see all the instances.
    private static async Task<IReadOnlyList<Instance>> DescribeInstancesAsync(IAmazonEC2 ec2, List<string> ids, CancellationToken cancellationToken)
    {
        var instances = new List<Instance>();
        string? nextToken = null;
        do
        {
            var request = new DescribeInstancesRequest { InstanceIds = [.. ids], NextToken = nextToken };
            var response = await ec2.DescribeInstancesAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var reservation in response?.Reservations ?? [])
            {
                instances.AddRange(reservation?.Instances?.Where(instance => instance is not null) ?? []);
            }

            nextToken = response?.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return instances;
    }
}
