namespace AlbBuilder.Classroom.Throttling;

/// <summary>One of the token buckets a request may draw from: a service and an action class.</summary>
/// <param name="Service">EC2 or ELBv2.</param>
/// <param name="ActionClass">The class of actions that share the bucket (AWS's names for EC2).</param>
internal readonly record struct RequestBucket(string Service, string ActionClass)
{
    /// <summary>EC2's non-mutating actions (Describe*), filtered or paginated.</summary>
    public static RequestBucket Ec2NonMutating { get; } = new("EC2", "non-mutating");

    /// <summary>EC2's non-mutating actions called with neither a filter nor pagination.</summary>
    public static RequestBucket Ec2UnfilteredNonMutating { get; } = new("EC2", "unfiltered and unpaginated non-mutating");

    /// <summary>EC2's mutating actions (Create*, Delete*, Run*, Authorize*, …).</summary>
    public static RequestBucket Ec2Mutating { get; } = new("EC2", "mutating");

    /// <summary>EC2's actions in neither class.</summary>
    public static RequestBucket Ec2Uncategorized { get; } = new("EC2", "uncategorized");

    /// <summary>RunInstances' resource tokens: one per instance launched.</summary>
    public static RequestBucket Ec2RunInstancesResources { get; } = new("EC2", "RunInstances instances");

    /// <summary>TerminateInstances' resource tokens: one per instance terminated.</summary>
    public static RequestBucket Ec2TerminateInstancesResources { get; } = new("EC2", "TerminateInstances instances");

    /// <summary>RunInstances' own request bucket (an uncategorized action with its own size).</summary>
    public static RequestBucket Ec2RunInstances { get; } = new("EC2", "RunInstances");

    /// <summary>StartInstances' own request bucket (an uncategorized action with its own size).</summary>
    public static RequestBucket Ec2StartInstances { get; } = new("EC2", "StartInstances");

    /// <summary>StartInstances' resource tokens: one per instance started.</summary>
    public static RequestBucket Ec2StartInstancesResources { get; } = new("EC2", "StartInstances instances");

    /// <summary>StopInstances' resource tokens: one per instance stopped.</summary>
    public static RequestBucket Ec2StopInstancesResources { get; } = new("EC2", "StopInstances instances");

    /// <summary>ELBv2's account-level bucket, which every ELBv2 action also draws from.</summary>
    public static RequestBucket ElasticLoadBalancingAccount { get; } = new("ELBv2", "account");

    /// <summary>ELBv2's non-mutating actions (Describe*).</summary>
    public static RequestBucket ElasticLoadBalancingDescribe { get; } = new("ELBv2", "non-mutating");

    /// <summary>ELBv2's resource-intensive actions (CreateLoadBalancer, SetSubnets).</summary>
    public static RequestBucket ElasticLoadBalancingResourceIntensive { get; } = new("ELBv2", "resource-intensive");

    /// <summary>ELBv2's registration actions (RegisterTargets, DeregisterTargets).</summary>
    public static RequestBucket ElasticLoadBalancingRegistration { get; } = new("ELBv2", "registration");

    /// <summary>ELBv2's other (mutating) actions.</summary>
    public static RequestBucket ElasticLoadBalancingMutating { get; } = new("ELBv2", "mutating");

    /// <inheritdoc/>
    public override string ToString() => $"{Service} {ActionClass}";
}
