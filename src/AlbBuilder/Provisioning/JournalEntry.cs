namespace AlbBuilder.Provisioning;

/// <summary>One resource created by a start, as recorded for rollback.</summary>
internal sealed record JournalEntry(LabResourceKind Kind, string Id)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        LabResourceKind.LoadBalancerSecurityGroup => $"load balancer security group {Id}",
        LabResourceKind.InstanceSecurityGroup => $"instance security group {Id}",
        LabResourceKind.TargetGroup => $"target group {Id}",
        LabResourceKind.Instance => $"instance {Id}",
        LabResourceKind.LoadBalancer => $"load balancer {Id}",
        LabResourceKind.Listener => $"listener {Id}",
        _ => $"{Kind} {Id}",
    };
}
