using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.EC2.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AlbBuilder.LocalCloud.Tests.Fidelity;

/// <summary>
/// LocalCloud does not run user data: <see cref="LocalCloudOptions.ConfigureInstance"/> gives instances their own
/// behaviour instead, here a custom page and a <c>/health</c> endpoint that fails.
/// </summary>
public sealed class InstanceBehaviourTests
{
    [Fact]
    public async Task Lab_InstancesWithACustomPageAndAFailingHealthEndpoint_TargetsUnhealthyWithResponseCodeMismatch()
    {
        var seen = new List<LocalInstanceInfo>();
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            ConfigureInstance = (instance, app) =>
            {
                lock (seen)
                {
                    seen.Add(instance);
                }

                app.Map("/health", health => health.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return Task.CompletedTask;
                }));
                app.Map("/app", page => page.Run(context => context.Response.WriteAsync($"custom page of {instance.InstanceId}")));
            },
        });
        var lab = AlbLab.Create("custom").WithInstances(2).WithLocalCloud(cloud)
            .WithUserData("#!/bin/bash\nsystemctl start my-app\n")
            .WithHealthCheck(h => h with { Path = "/health" })
            .WithDirectInstanceAccess("127.0.0.0/8")
            .WithTimeouts(t => t with { TargetsHealthy = TimeSpan.FromSeconds(5) })
            .WithCleanUp(false)
            .Build();

        // 503 may be an application warming up, so the wait does not end early: it times out.
        var failure = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.WaitTargetsHealthy, failure.Step);
        var groups = await cloud.SharedElasticLoadBalancingV2Client.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = ["custom-tg"] });
        var health = await cloud.SharedElasticLoadBalancingV2Client.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = groups.TargetGroups![0].TargetGroupArn });
        Assert.Equal(2, health.TargetHealthDescriptions!.Count);
        Assert.All(health.TargetHealthDescriptions, d =>
        {
            Assert.Equal("unhealthy", d.TargetHealth!.State!.Value);
            Assert.Equal("Target.ResponseCodeMismatch", d.TargetHealth.Reason!.Value);
            Assert.Equal("Health checks failed with these codes: [503]", d.TargetHealth.Description);
        });

        // Each instance serves its own page; what the pipeline leaves alone is still the seed's.
        var instances = (await cloud.SharedEc2Client.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations.SelectMany(r => r.Instances).ToList();
        using var http = new HttpClient(cloud.SharedHttpMessageHandler, disposeHandler: false);
        foreach (var instance in instances)
        {
            Assert.Equal($"custom page of {instance.InstanceId}", await http.GetStringAsync(new Uri($"http://{instance.PublicIpAddress}/app")));
            Assert.Contains("Hello World", await http.GetStringAsync(new Uri($"http://{instance.PublicIpAddress}/")), StringComparison.Ordinal);
        }

        lock (seen)
        {
            Assert.Equal(instances.Select(i => i.InstanceId).Order(), seen.Select(s => s.InstanceId).Distinct().Order());
            Assert.All(seen, s => Assert.Contains("my-app", s.UserData, StringComparison.Ordinal));
        }
    }
}
