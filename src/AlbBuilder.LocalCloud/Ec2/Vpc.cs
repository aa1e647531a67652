namespace AlbBuilder.LocalCloud.Ec2;

internal sealed class Vpc
{
    public required string Id { get; init; }

    public required string CidrBlock { get; init; }

    public bool IsDefault { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
