namespace AlbBuilder.LocalCloud.Ec2;

internal sealed class Reservation
{
    public required string Id { get; init; }

    public string? ClientToken { get; init; }

    public List<string> InstanceIds { get; } = [];
}
