using System.Globalization;
using AlbBuilder.Provisioning;
using Amazon.EC2.Model;

namespace AlbBuilder.Benchmarks;

/// <summary>
/// The benchmark's baseline: the library's own steps (same calls, same waiters) without overlap, as the seed script ran
/// them — security groups, instances and wait running, (with direct instance access) browse each instance's own page
/// until it serves, target group, register, load balancer and wait active, listener. Plugged in through the one seam
/// the library offers the benchmark, <see cref="ILabStartOrder"/> (docs/performance.md).
/// </summary>
internal sealed class SequentialStartOrder : ILabStartOrder
{
    public async Task<LabTargets> RunAsync(LabStartSteps steps)
    {
        var loadBalancerGroup = Task.FromResult(await steps.LoadBalancerSecurityGroupAsync().ConfigureAwait(false));
        var instanceGroupCreated = Task.FromResult(await steps.InstanceSecurityGroupAsync().ConfigureAwait(false));
        var instanceGroup = Task.FromResult(await steps.AuthorizeInstanceIngressAsync(instanceGroupCreated, loadBalancerGroup).ConfigureAwait(false));
        var instances = Task.FromResult(await steps.InstancesAsync(instanceGroup).ConfigureAwait(false));
        if (steps.Lab.Definition.DirectInstanceAccessCidr is not null)
        {
            await WaitInstancePagesAsync(steps, await instances.ConfigureAwait(false)).ConfigureAwait(false);
        }

        var targetGroup = Task.FromResult(await steps.TargetGroupAsync().ConfigureAwait(false));
        var registered = await steps.RegisterTargetsAsync(targetGroup, instances).ConfigureAwait(false);
        var loadBalancer = Task.FromResult(await steps.LoadBalancerAsync(loadBalancerGroup).ConfigureAwait(false));
        await steps.WaitLoadBalancerActiveAsync(loadBalancer).ConfigureAwait(false);
        await steps.ListenerAsync(loadBalancer, targetGroup).ConfigureAwait(false);
        return new LabTargets(await targetGroup.ConfigureAwait(false), registered);
    }

    /// <summary>The seed's first check: each instance answers at its public address with its own page.</summary>
    internal static async Task<int> WaitInstancePagesAsync(LabStartSteps steps, IReadOnlyList<string> instanceIds)
    {
        var lab = steps.Lab;
        var ct = steps.Token;
        var response = await lab.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [.. instanceIds] }, ct).ConfigureAwait(false);
        var addresses = (response.Reservations ?? [])
            .SelectMany(r => r.Instances ?? [])
            .Select(i => i.PublicIpAddress ?? throw new InvalidOperationException($"Instance {i.InstanceId} has no public address to browse."))
            .ToList();
        var handler = lab.Services.TrafficHandler ?? new SocketsHttpHandler();
        using var client = new HttpClient(handler, disposeHandler: lab.Services.TrafficHandler is null) { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(lab.Definition.Timeouts.TargetsHealthy, lab.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        foreach (var address in addresses)
        {
            var url = new Uri($"http://{address}:{lab.Definition.TargetPort.ToString(CultureInfo.InvariantCulture)}/");
            while (!await ServesAsync(client, url, linked.Token).ConfigureAwait(false))
            {
                await Task.Delay(lab.Definition.PollInterval, lab.Time, linked.Token).ConfigureAwait(false);
            }
        }

        return addresses.Count;
    }

    private static async Task<bool> ServesAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // Not booted yet: the web server isn't listening.
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // This request timed out; the step's own deadline bounds the whole wait.
        }
    }
}
