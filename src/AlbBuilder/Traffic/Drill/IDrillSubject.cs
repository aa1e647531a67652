namespace AlbBuilder.Traffic;

/// <summary>What a failover drill needs from a lab. The lab implements it over its EC2 client, waiters and traffic verifier.</summary>
internal interface IDrillSubject
{
    /// <summary>The lab's instances (in Name-tag order, with private DNS names) and their target health.</summary>
    Task<LabStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>Asks EC2 to stop the instance (returns once the request is accepted).</summary>
    Task StopInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Waits until the instance is <c>stopped</c>.</summary>
    Task WaitInstanceStoppedAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Asks EC2 to start the (stopped) instance.</summary>
    Task StartInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Waits until the instance's target is <c>unused</c> (<c>Target.InvalidState</c>).</summary>
    Task WaitTargetUnusedAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Waits until the instance's target is <c>unhealthy</c> (the unhealthy drill).</summary>
    Task WaitTargetUnhealthyAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Waits until the instances run and every target is <c>healthy</c>.</summary>
    Task WaitTargetsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="requests"/> requests through the load balancer (sample timestamps from the drill's clock).</summary>
    Task<TrafficReport> VerifyTrafficAsync(int requests, CancellationToken cancellationToken);
}
