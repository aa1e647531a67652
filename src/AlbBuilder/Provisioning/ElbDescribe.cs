using AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Provisioning;

/// <summary>Describe calls that name a resource: the service's NotFound means "there is none".</summary>
internal static class ElbDescribe
{
    public static async Task<T?> OrNullAsync<T>(Func<Task<T?>> describe)
        where T : class
    {
        try
        {
            return await describe().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LoadBalancerNotFoundException or TargetGroupNotFoundException or ListenerNotFoundException)
        {
            return null;
        }
    }
}
