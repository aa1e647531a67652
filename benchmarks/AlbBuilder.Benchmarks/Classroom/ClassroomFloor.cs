using AlbBuilder.LocalCloud;

namespace AlbBuilder.Benchmarks.Classroom;

/// <summary>
/// The least time K labs can take to serve, whatever the polling: each lab's load balancer needs a token of ELBv2's
/// <c>CreateLoadBalancer</c> bucket (AWS publishes 10 tokens refilled at 0.2 per second; LocalCloud's
/// <c>LocalCloudThrottling.Aws</c> applies it, refilled ÷ the time scale) and then provisions for the profile's
/// <see cref="LatencyProfile.LoadBalancerProvisioning"/>; at most C labs start at once (the classroom's concurrency), a
/// queued lab taking the slot of the first to finish. The instance branch (pending + web server) is shorter than the
/// provisioning and hidden, as for one lab.
/// </summary>
internal static class ClassroomFloor
{
    /// <summary>ELBv2's resource-intensive bucket (CreateLoadBalancer, SetSubnets): capacity.</summary>
    public const double CreateLoadBalancerBurst = 10;

    /// <summary>ELBv2's resource-intensive bucket: tokens per second on AWS.</summary>
    public const double CreateLoadBalancerRefillPerSecond = 0.2;

    /// <summary>The floor on AWS's timescale (simulated seconds); × the time scale for LocalCloud's wall clock.</summary>
    public static TimeSpan Of(int labs, int concurrency, TimeSpan provisioning)
    {
        var finish = new double[labs];
        var tokens = CreateLoadBalancerBurst;
        var clock = 0.0;
        for (var i = 0; i < labs; i++)
        {
            var slot = i < concurrency ? 0 : finish[i - concurrency];
            // Refill up to the slot time, then wait for a whole token if there is none.
            var at = Math.Max(slot, clock);
            tokens = Math.Min(CreateLoadBalancerBurst, tokens + ((at - clock) * CreateLoadBalancerRefillPerSecond));
            if (tokens < 1)
            {
                at += (1 - tokens) / CreateLoadBalancerRefillPerSecond;
                tokens = 1;
            }

            tokens -= 1;
            clock = at;
            finish[i] = at + provisioning.TotalSeconds;
        }

        return TimeSpan.FromSeconds(labs == 0 ? 0 : finish.Max());
    }
}
