namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>The ELBv2 target health states (wire values via <see cref="TargetHealthStateNames.ToWireValue"/>).</summary>
internal enum TargetHealthState
{
    /// <summary><c>initial</c>: registering or waiting for the first passing check.</summary>
    Initial,

    /// <summary><c>healthy</c>.</summary>
    Healthy,

    /// <summary><c>unhealthy</c>.</summary>
    Unhealthy,

    /// <summary><c>unused</c>: not registered, group not in use, or the instance is not running.</summary>
    Unused,

    /// <summary><c>draining</c>: deregistered, within the deregistration delay.</summary>
    Draining,

    /// <summary><c>unavailable</c>: health checks disabled.</summary>
    Unavailable,
}
