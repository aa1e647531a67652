namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>Creates paginators bound to one client.</summary>
internal sealed class ElasticLoadBalancingV2PaginatorFactory : IElasticLoadBalancingV2PaginatorFactory
{
    private readonly IAmazonElasticLoadBalancingV2 _client;

    internal ElasticLoadBalancingV2PaginatorFactory(IAmazonElasticLoadBalancingV2 client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public IDescribeLoadBalancersPaginator DescribeLoadBalancers(DescribeLoadBalancersRequest request) => new DescribeLoadBalancersPaginator(_client, request);

    public IDescribeTargetGroupsPaginator DescribeTargetGroups(DescribeTargetGroupsRequest request) => new DescribeTargetGroupsPaginator(_client, request);

    public IDescribeListenersPaginator DescribeListeners(DescribeListenersRequest request) => new DescribeListenersPaginator(_client, request);
}
