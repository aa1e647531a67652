namespace AlbBuilder.LocalCloud.Elbv2;

internal enum LoadBalancerState
{
    Provisioning,
    Active,
    Failed,
}
