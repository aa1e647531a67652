using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Waiters;
using Amazon.EC2.Model;

namespace AlbBuilder.Traffic;

/// <summary>What the failover drill does to a lab, over the lab's clients, waiters and traffic verifier.</summary>
internal sealed class LabDrillSubject : IDrillSubject
{
    private readonly IAlbLab _lab;
    private readonly LabServices _services;
    private readonly AlbLabDefinition _definition;
    private readonly TimeProvider _time;

    public LabDrillSubject(IAlbLab lab, LabServices services, AlbLabDefinition definition, TimeProvider time)
    {
        _lab = lab;
        _services = services;
        _definition = definition;
        _time = time;
    }

    public Task<LabStatus> GetStatusAsync(CancellationToken cancellationToken) => _lab.GetStatusAsync(cancellationToken);

    public Task StopInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        _services.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instanceId] }, cancellationToken);

    public Task StartInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        _services.Ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instanceId] }, cancellationToken);

    public Task WaitInstanceStoppedAsync(string instanceId, CancellationToken cancellationToken) =>
        _services.Ec2.WaitUntilInstancesStoppedAsync([instanceId], Options(_definition.Timeouts.InstancesRunning), cancellationToken);

    public Task WaitTargetUnusedAsync(string instanceId, CancellationToken cancellationToken) =>
        _services.ElasticLoadBalancing.WaitUntilTargetsUnusedAsync(
            TargetGroupArn, [Target(instanceId)], Options(_definition.Timeouts.TargetsHealthy), cancellationToken);

    public async Task WaitTargetsHealthyAsync(CancellationToken cancellationToken)
    {
        var instanceIds = _lab.Resources.InstanceIds;
        await _services.Ec2.WaitUntilInstancesRunningAsync(instanceIds, Options(_definition.Timeouts.InstancesRunning), cancellationToken)
            .ConfigureAwait(false);

        // Right after a start the target can still read unused/Target.InvalidState for a moment, which the in-service
        // waiter treats as final; keep asking until the load balancer has noticed, within the same deadline.
        var timeout = _definition.Timeouts.TargetsHealthy;
        var deadline = _time.GetUtcNow() + timeout;
        var targets = instanceIds.Select(Target).ToArray();
        while (true)
        {
            try
            {
                var remaining = deadline - _time.GetUtcNow();
                await _services.ElasticLoadBalancing.WaitUntilTargetsInServiceAsync(
                    TargetGroupArn, targets, Options(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1)), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (WaiterFailedException ex) when (ex.FailedState.StartsWith("unused", StringComparison.Ordinal) && _time.GetUtcNow() < deadline)
            {
                await Task.Delay(_definition.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<TrafficReport> VerifyTrafficAsync(int requests, CancellationToken cancellationToken)
    {
        var options = new TrafficOptions { Requests = requests, TimeProvider = _time };
        return await LabTraffic.VerifyAsync(_lab, _services, options, cancellationToken).ConfigureAwait(false);
    }

    private string TargetGroupArn => _lab.Resources.TargetGroupArn
        ?? throw new InvalidOperationException($"Lab '{_lab.Name}' has no target group: start or attach it first.");

    private TargetDescription Target(string instanceId) => new() { Id = instanceId, Port = _definition.TargetPort };

    private WaiterOptions Options(TimeSpan timeout) => new()
    {
        TimeProvider = _services.TimeProvider,
        Timeout = timeout,
        MinDelay = _definition.PollInterval,
        MaxDelay = _definition.PollInterval * 3,
    };
}
