namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>Identifies a target in a target group: an instance and the port it receives traffic on.</summary>
/// <param name="InstanceId">The EC2 instance id, for example <c>i-0123456789abcdef0</c>.</param>
/// <param name="Port">The traffic port of the registration (an instance can be registered on several ports).</param>
internal readonly record struct TargetKey(string InstanceId, int Port)
{
    /// <inheritdoc />
    public override string ToString() => $"{InstanceId}:{Port}";
}
