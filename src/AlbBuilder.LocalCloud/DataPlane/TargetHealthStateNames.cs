namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>Maps <see cref="TargetHealthState"/> to the ELBv2 wire values.</summary>
internal static class TargetHealthStateNames
{
    /// <summary>Gets the ELBv2 wire value (<c>initial</c>, <c>healthy</c>, ...) of a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The lower-case wire value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined state.</exception>
    public static string ToWireValue(this TargetHealthState state) => state switch
    {
        TargetHealthState.Initial => "initial",
        TargetHealthState.Healthy => "healthy",
        TargetHealthState.Unhealthy => "unhealthy",
        TargetHealthState.Unused => "unused",
        TargetHealthState.Draining => "draining",
        TargetHealthState.Unavailable => "unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown target health state."),
    };
}
