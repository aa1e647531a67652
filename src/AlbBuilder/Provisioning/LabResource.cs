namespace AlbBuilder;

/// <summary>One AWS resource of a lab: its kind and its id (a security group or instance id, or an ARN).</summary>
/// <param name="Kind">What the resource is.</param>
/// <param name="Id">Its id or ARN.</param>
public sealed record LabResource(LabResourceKind Kind, string Id)
{
    /// <summary>What the resource is.</summary>
    public LabResourceKind Kind { get; } = Kind;

    /// <summary>The id or ARN.</summary>
    public string Id { get; } = !string.IsNullOrEmpty(Id) ? Id : throw new ArgumentException("A lab resource needs an id.", nameof(Id));

    /// <summary>The resource in words, e.g. <c>target group arn:aws:…</c>: the one wording used by messages and events.</summary>
    /// <returns>The kind in words, a space, the id.</returns>
    public override string ToString() => $"{Describe(Kind)} {Id}";

    /// <summary>A kind in words, e.g. <c>load balancer security group</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The words.</returns>
    public static string Describe(LabResourceKind kind) => kind switch
    {
        LabResourceKind.LoadBalancerSecurityGroup => "load balancer security group",
        LabResourceKind.InstanceSecurityGroup => "instance security group",
        LabResourceKind.TargetGroup => "target group",
        LabResourceKind.Instance => "instance",
        LabResourceKind.LoadBalancer => "load balancer",
        LabResourceKind.Listener => "listener",
        _ => kind.ToString(),
    };
}
