namespace AlbBuilder.Provisioning;

/// <summary>The kinds of resource a lab creates, in creation order.</summary>
internal enum LabResourceKind
{
    LoadBalancerSecurityGroup,
    InstanceSecurityGroup,
    TargetGroup,
    Instance,
    LoadBalancer,
    Listener,
}
