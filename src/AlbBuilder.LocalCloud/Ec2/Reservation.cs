namespace AlbBuilder.LocalCloud.Ec2;

internal sealed class Reservation
{
    public required string Id { get; init; }

    public string? ClientToken { get; init; }

    /// <summary>A hash of the creating request's parameters: a retry with the same client token must match it.</summary>
    public string? RequestFingerprint { get; init; }

    /// <summary>The instances still visible to DescribeInstances.</summary>
    public List<string> InstanceIds { get; } = [];

    /// <summary>Every instance the reservation launched, kept while its client token is remembered.</summary>
    public List<Ec2Instance> Launched { get; } = [];

    /// <summary>When the last instance stopped being visible; a client token is remembered for a while after it.</summary>
    public DateTimeOffset? InstancesGoneAt { get; set; }
}
