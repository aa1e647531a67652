using Amazon.Runtime.Endpoints;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>The parameters of the service's endpoint rule set (endpoint-rule-set-1.json).</summary>
internal sealed class ElasticLoadBalancingV2EndpointParameters : EndpointParameters
{
    public ElasticLoadBalancingV2EndpointParameters()
    {
        UseDualStack = false;
        UseFIPS = false;
    }

    public string? Region
    {
        get => (string?)this[nameof(Region)];
        set => this[nameof(Region)] = value;
    }

    public bool? UseDualStack
    {
        get => (bool?)this[nameof(UseDualStack)];
        set => this[nameof(UseDualStack)] = value;
    }

    public bool? UseFIPS
    {
        get => (bool?)this[nameof(UseFIPS)];
        set => this[nameof(UseFIPS)] = value;
    }

    public string? Endpoint
    {
        get => (string?)this[nameof(Endpoint)];
        set => this[nameof(Endpoint)] = value;
    }
}
