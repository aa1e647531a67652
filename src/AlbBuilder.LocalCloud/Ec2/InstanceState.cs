namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>EC2 instance states with their API codes.</summary>
internal enum InstanceState
{
    Pending = 0,
    Running = 16,
    ShuttingDown = 32,
    Terminated = 48,
    Stopping = 64,
    Stopped = 80,
}
