namespace AlbBuilder.Provisioning;

/// <summary>Values of the <see cref="LabTags.Role"/> tag: how adoption tells a lab's resources apart.</summary>
internal static class LabRoles
{
    public const string LoadBalancerSecurityGroup = "load-balancer-sg";

    public const string InstanceSecurityGroup = "instance-sg";

    public const string Instance = "instance";

    public const string TargetGroup = "target-group";

    public const string LoadBalancer = "load-balancer";

    public const string Listener = "listener";

    public const string SecurityGroupRule = "security-group-rule";
}
