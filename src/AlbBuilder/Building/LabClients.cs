using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;

namespace AlbBuilder.Building;

/// <summary>Clients supplied from outside the lab (by the user or a DI container); the lab never disposes them.</summary>
/// <param name="Ec2">Returns the EC2 client; called at most once, when the lab first needs it.</param>
/// <param name="ElasticLoadBalancing">Returns the ELBv2 client; called at most once, when the lab first needs it.</param>
internal sealed record LabClients(Func<IAmazonEC2> Ec2, Func<IAmazonElasticLoadBalancingV2> ElasticLoadBalancing);
