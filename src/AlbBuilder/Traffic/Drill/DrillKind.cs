namespace AlbBuilder;

/// <summary>What a drill does to the chosen instance.</summary>
public enum DrillKind
{
    /// <summary>Stop the instance (EC2 <c>StopInstances</c>) and start it again.</summary>
    StopInstance,

    /// <summary>
    /// Keep the instance running but make it fail its health check with <see cref="DrillOptions.MakeUnhealthy"/>, then
    /// recover it with <see cref="DrillOptions.Recover"/>. On LocalCloud:
    /// <c>MakeUnhealthy = cloud.DataPlaneFaults.StopWebServerAsync, Recover = cloud.DataPlaneFaults.ClearAsync</c>.
    /// </summary>
    Unhealthy,
}
