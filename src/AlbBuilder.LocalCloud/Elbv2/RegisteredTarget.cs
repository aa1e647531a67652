using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Elbv2;

internal sealed class RegisteredTarget
{
    public required TargetKey Key { get; init; }

    public string? AvailabilityZone { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Gets or sets a value indicating whether the target is draining after DeregisterTargets.</summary>
    public bool Draining { get; set; }

    /// <summary>Gets or sets a counter bumped on each (de)registration, so a stale drain timer can tell.</summary>
    public int Generation { get; set; }
}
