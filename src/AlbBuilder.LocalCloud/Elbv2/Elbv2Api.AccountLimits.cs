using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>
/// DescribeAccountLimits: the Application Load Balancer limits by AWS's names, with AWS's defaults
/// (docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html) or the configured quota
/// where LocalCloud enforces one. Network and Gateway Load Balancer limits are left out: LocalCloud serves ALBs only.
/// </summary>
internal sealed partial class Elbv2Api
{
    /// <summary>AWS's "Listeners per Application Load Balancer" default, which CreateListener enforces.</summary>
    private const int MaxListenersPerLoadBalancer = 50;

    [AwsAction]
    private IEnumerable<object?> DescribeAccountLimits(QueryParameters p)
    {
        var quotas = _state.Quotas;
        (string Name, int Max)[] limits =
        [
            ("application-load-balancers", quotas.LoadBalancers),
            ("target-groups", quotas.TargetGroups),
            ("targets-per-application-load-balancer", 1000),
            ("listeners-per-application-load-balancer", MaxListenersPerLoadBalancer),
            ("rules-per-application-load-balancer", 100),
            ("target-groups-per-application-load-balancer", 100),
            ("target-groups-per-action-on-application-load-balancer", 5),
            ("certificates-per-application-load-balancer", 25),
        ];
        var (page, next) = Page(limits, p);
        yield return Xml.Members("Limits", page, l => [Xml.E("Name", l.Name), Xml.E("Max", Xml.Format(l.Max))]);
        yield return Xml.Opt("NextMarker", next);
    }
}
