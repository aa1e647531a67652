using AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Waiters;

/// <summary>One load balancer ARN and what DescribeLoadBalancers returned for it (<see langword="null"/>: not found, deleted).</summary>
internal sealed record LoadBalancerPresence(string Arn, LoadBalancer? LoadBalancer);
