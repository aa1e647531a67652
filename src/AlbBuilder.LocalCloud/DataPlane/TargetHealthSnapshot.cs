namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>One target's health as DescribeTargetHealth reports it.</summary>
/// <param name="Key">The target.</param>
/// <param name="State">The health state.</param>
/// <param name="Reason">The reason code; <see langword="null"/> when healthy.</param>
/// <param name="Description">The description; <see langword="null"/> when healthy.</param>
/// <param name="Since">When the target entered this state and reason.</param>
internal sealed record TargetHealthSnapshot(
    TargetKey Key,
    TargetHealthState State,
    string? Reason,
    string? Description,
    DateTimeOffset Since)
{
    /// <summary>Gets the ELBv2 wire value of <see cref="State"/>.</summary>
    public string StateValue => State.ToWireValue();
}
