using AlbBuilder.Provisioning;
using AlbBuilder.Waiters;
using Amazon.EC2.Model;

namespace AlbBuilder.Traffic;

/// <summary>
/// What the failover drill does to a lab, over the lab's clients, waiters and traffic verifier. Each wait is a child
/// activity of the drill's.
/// </summary>
internal sealed class LabDrillSubject : IDrillSubject
{
    private readonly IAlbLab _lab;
    private readonly LabContext _context;
    private readonly TimeProvider _time;

    public LabDrillSubject(IAlbLab lab, LabContext context, TimeProvider time)
    {
        _lab = lab;
        _context = context;
        _time = time;
    }

    public Task<LabStatus> GetStatusAsync(CancellationToken cancellationToken) => _lab.GetStatusAsync(cancellationToken);

    public Task StopInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        _context.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instanceId] }, cancellationToken);

    public Task StartInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        _context.Ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instanceId] }, cancellationToken);

    public Task WaitInstanceStoppedAsync(string instanceId, CancellationToken cancellationToken) =>
        TracedAsync("WaitInstanceStopped", new LabResource(LabResourceKind.Instance, instanceId), () =>
            _context.Ec2.WaitUntilInstancesStoppedAsync([instanceId], Waits(_context.Definition.Timeouts.InstancesRunning), cancellationToken));

    public Task WaitTargetUnusedAsync(string instanceId, CancellationToken cancellationToken) =>
        TracedAsync("WaitTargetUnused", new LabResource(LabResourceKind.Instance, instanceId), () =>
            _context.Elb.WaitUntilTargetsUnusedAsync(TargetGroupArn, _context.Targets([instanceId]), Waits(_context.Definition.Timeouts.TargetsHealthy), cancellationToken));

    /// <summary>Polls the lab's status (on its clock and poll interval) until the instance's target is <c>unhealthy</c>.</summary>
    public Task WaitTargetUnhealthyAsync(string instanceId, CancellationToken cancellationToken) =>
        TracedAsync("WaitTargetUnhealthy", new LabResource(LabResourceKind.Instance, instanceId), async () =>
        {
            while (true)
            {
                var status = await _lab.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                if (status.Instances.FirstOrDefault(i => i.InstanceId == instanceId)?.TargetState == ElasticLoadBalancingV2.TargetHealthStateEnum.Unhealthy)
                {
                    return;
                }

                await Task.Delay(_context.Definition.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        });

    /// <summary>Every instance runs, then the one "targets healthy" wait, tolerating the transient <c>unused</c> after a restart.</summary>
    public Task WaitTargetsHealthyAsync(CancellationToken cancellationToken) =>
        TracedAsync(nameof(LabStep.WaitTargetsHealthy), new LabResource(LabResourceKind.TargetGroup, TargetGroupArn), async () =>
        {
            var instanceIds = _lab.Resources.InstanceIds;
            await _context.Ec2.WaitUntilInstancesRunningAsync(instanceIds, Waits(_context.Definition.Timeouts.InstancesRunning), cancellationToken).ConfigureAwait(false);
            await LabTargetGroup.WaitHealthyAsync(
                _context, TargetGroupArn, instanceIds, _context.Definition.Timeouts.TargetsHealthy, null, afterInstanceStart: true, cancellationToken).ConfigureAwait(false);
        });

    public async Task<TrafficReport> VerifyTrafficAsync(int requests, CancellationToken cancellationToken)
    {
        var options = new TrafficOptions { Requests = requests, TimeProvider = _time };
        return await LabTraffic.VerifyAsync(_lab, _context.Services, options, cancellationToken).ConfigureAwait(false);
    }

    private string TargetGroupArn => _lab.Resources.TargetGroupArn
        ?? throw new InvalidOperationException($"Lab '{_lab.Name}' has no target group: start or attach it first.");

    private WaiterOptions Waits(TimeSpan timeout) => _context.Waits(timeout);

    private async Task TracedAsync(string step, LabResource resource, Func<Task> wait)
    {
        using var activity = LabActivities.Start(_lab.Name, step, resource);
        try
        {
            await wait().ConfigureAwait(false);
            LabActivities.Succeeded(activity);
        }
        catch (Exception ex)
        {
            LabActivities.Failed(activity, ex);
            throw;
        }
    }
}
