namespace AlbBuilder.LocalCloud.Ec2;

internal sealed class SecurityGroup
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string VpcId { get; init; }

    public bool IsDefault { get; init; }

    public List<SecurityGroupRule> Ingress { get; } = [];

    public List<SecurityGroupRule> Egress { get; } = [];

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
