using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>
/// The clients every lab of a classroom shares: each call waits for a token of its service's and action class's bucket,
/// and the waiters' describe calls of all labs are coalesced. SEAM STUB (lead): passes calls through unchanged until
/// the clients helper's implementation replaces this file.
/// </summary>
internal sealed class ClassroomClients
{
    private ClassroomClients(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing)
    {
        Ec2 = ec2;
        ElasticLoadBalancing = elasticLoadBalancing;
    }

    /// <summary>Gets the shared EC2 client.</summary>
    public IAmazonEC2 Ec2 { get; }

    /// <summary>Gets the shared ELBv2 client.</summary>
    public IAmazonElasticLoadBalancingV2 ElasticLoadBalancing { get; }

    /// <summary>Wraps the given clients (not owned: the caller disposes them).</summary>
    public static ClassroomClients Wrap(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing, AwsRequestRates rates, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(time);
        return new ClassroomClients(ec2, elasticLoadBalancing);
    }
}
