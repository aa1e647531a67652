namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>A target's identity in a target group: instance id and port.</summary>
internal readonly record struct TargetKey(string InstanceId, int Port);
