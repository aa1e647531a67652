namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>The two services the control plane answers for.</summary>
internal enum AwsService
{
    Ec2,
    ElasticLoadBalancingV2,
}
