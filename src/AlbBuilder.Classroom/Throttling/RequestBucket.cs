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

    /// <summary>ELBv2's Describe* actions.</summary>
    public static RequestBucket ElasticLoadBalancingDescribe { get; } = new("ELBv2", "describe");

    /// <summary>ELBv2's other actions.</summary>
    public static RequestBucket ElasticLoadBalancingMutating { get; } = new("ELBv2", "mutating");

    /// <inheritdoc/>
    public override string ToString() => $"{Service} {ActionClass}";
}
