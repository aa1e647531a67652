namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>An emulated security group; <see cref="NetworkRules"/> evaluates its rules for the data plane.</summary>
internal sealed class SecurityGroup
{
    /// <summary>Gets the group id (<c>sg-</c> and 17 hex digits).</summary>
    public required string Id { get; init; }

    /// <summary>Gets a value indicating whether this is the VPC's <c>default</c> group, which cannot be deleted.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Gets the name, unique within the VPC.</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string VpcId { get; init; }

    public List<SecurityGroupRule> Ingress { get; } = [];

    public List<SecurityGroupRule> Egress { get; } = [];

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
