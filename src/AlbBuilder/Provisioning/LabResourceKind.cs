namespace AlbBuilder;

/// <summary>The kinds of resource a lab owns, in the order a start creates them.</summary>
public enum LabResourceKind
{
    /// <summary>The load balancer's security group (admits the listener port from anywhere).</summary>
    LoadBalancerSecurityGroup,

    /// <summary>The instances' security group (admits the target port from the load balancer's group).</summary>
    InstanceSecurityGroup,

    /// <summary>The target group the instances are registered with.</summary>
    TargetGroup,

    /// <summary>An EC2 instance (a target).</summary>
    Instance,

    /// <summary>The Application Load Balancer.</summary>
    LoadBalancer,

    /// <summary>The HTTP listener forwarding to the target group.</summary>
    Listener,
}
