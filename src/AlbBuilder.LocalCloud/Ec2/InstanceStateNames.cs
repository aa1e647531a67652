namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>The wire names of <see cref="InstanceState"/>.</summary>
internal static class InstanceStateNames
{
    public static string Name(this InstanceState state) => state switch
    {
        InstanceState.Pending => "pending",
        InstanceState.Running => "running",
        InstanceState.ShuttingDown => "shutting-down",
        InstanceState.Terminated => "terminated",
        InstanceState.Stopping => "stopping",
        InstanceState.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
