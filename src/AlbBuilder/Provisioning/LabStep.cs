namespace AlbBuilder;

/// <summary>
/// The steps of a lab's operations, as <see cref="LabEvent.Step"/>, <see cref="AlbLabException.Step"/> and the
/// tracing activities name them. Start steps first (roughly in the order they run), then rollback and teardown.
/// </summary>
public enum LabStep
{
    /// <summary>The start as a whole: a failure outside any single step.</summary>
    Start,

    /// <summary>Creating the AWS clients (resolves credentials and region) before any call.</summary>
    CreateClients,

    /// <summary>Looking for resources tagged with the lab's name (adoption).</summary>
    FindExistingLab,

    /// <summary>Looking up the VPC and one subnet per Availability Zone.</summary>
    DiscoverNetwork,

    /// <summary>Creating the load balancer's security group.</summary>
    CreateLoadBalancerSecurityGroup,

    /// <summary>Allowing the listener port into the load balancer's security group.</summary>
    AuthorizeLoadBalancerIngress,

    /// <summary>Creating the instances' security group.</summary>
    CreateInstanceSecurityGroup,

    /// <summary>Allowing the target port from the load balancer's group into the instances' group.</summary>
    AuthorizeInstanceIngress,

    /// <summary>Creating the target group.</summary>
    CreateTargetGroup,

    /// <summary>Setting the target group's deregistration delay.</summary>
    ModifyTargetGroupAttributes,

    /// <summary>Creating the load balancer.</summary>
    CreateLoadBalancer,

    /// <summary>Setting the load balancer's attributes (drop invalid headers, no deletion protection).</summary>
    ModifyLoadBalancerAttributes,

    /// <summary>Waiting until the load balancer is active.</summary>
    WaitLoadBalancerActive,

    /// <summary>Starting adopted instances that were stopped.</summary>
    StartInstances,

    /// <summary>Launching the missing instances (one call per Availability Zone).</summary>
    RunInstances,

    /// <summary>Naming instances (<c>&lt;lab&gt;-N</c>) that were launched several per call or adopted unnamed.</summary>
    TagInstances,

    /// <summary>Waiting until every instance runs.</summary>
    WaitInstancesRunning,

    /// <summary>Registering the instances with the target group.</summary>
    RegisterTargets,

    /// <summary>Creating the listener.</summary>
    CreateListener,

    /// <summary>Waiting until every target is healthy.</summary>
    WaitTargetsHealthy,

    /// <summary>Removing what a failed or cancelled start created.</summary>
    Rollback,

    /// <summary>Finding and deleting every resource of the lab.</summary>
    Teardown,

    /// <summary>Deleting the listener.</summary>
    DeleteListener,

    /// <summary>Deleting the load balancer and waiting until it is gone.</summary>
    DeleteLoadBalancer,

    /// <summary>Deleting the target group.</summary>
    DeleteTargetGroup,

    /// <summary>Terminating the instances and waiting until they are terminated.</summary>
    TerminateInstances,

    /// <summary>Deleting a security group.</summary>
    DeleteSecurityGroup,
}
