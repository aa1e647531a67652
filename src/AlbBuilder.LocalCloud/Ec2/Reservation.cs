namespace AlbBuilder.LocalCloud.Ec2;

internal sealed class Reservation
{
    public required string Id { get; init; }

    public string? ClientToken { get; init; }

    /// <summary>A hash of the creating request's parameters: a retry with the same client token must match it.</summary>
    public string? RequestFingerprint { get; init; }

    public List<string> InstanceIds { get; } = [];
}
