namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>A target the load balancer may send a request to.</summary>
/// <param name="Key">The target.</param>
/// <param name="LoopbackPort">The 127.0.0.1 port of its web server; <see langword="null"/> when its security group drops the load balancer's traffic.</param>
internal sealed record RoutableTarget(TargetKey Key, int? LoopbackPort);
