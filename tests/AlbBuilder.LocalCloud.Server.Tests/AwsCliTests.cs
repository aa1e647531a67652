namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>The AWS CLI against LocalCloud's endpoint: a lab's target health and instances, as on AWS.</summary>
public sealed class AwsCliTests
{
    [RequiresToolFact("aws", "awscli")]
    public async Task AwsCli_DescribesTargetHealthAndInstances_OfALab()
    {
        await using var cloud = await LocalCloud.StartAsync();
        await using var lab = AlbLab.Create("cli").WithInstances(2).WithLocalCloud(cloud).Build();
        await lab.StartAsync();
        var status = await lab.GetStatusAsync();
        var endpoint = cloud.ServiceUrl.ToString();

        var health = await ExternalTool.RunAsync(
            ExternalTool.StartInfo("aws", ["--endpoint-url", endpoint, "elbv2", "describe-target-health", "--target-group-arn", lab.Resources.TargetGroupArn!, "--output", "json"]),
            TimeSpan.FromSeconds(60));
        var instances = await ExternalTool.RunAsync(
            ExternalTool.StartInfo("aws", ["ec2", "describe-instances", "--output", "json"], new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = endpoint }),
            TimeSpan.FromSeconds(60));

        Assert.True(health.ExitCode == 0, health.Output);
        Assert.True(instances.ExitCode == 0, instances.Output);
        foreach (var instance in status.Instances)
        {
            Assert.Contains($"\"Id\": \"{instance.InstanceId}\"", health.Output, StringComparison.Ordinal);
            Assert.Contains($"\"InstanceId\": \"{instance.InstanceId}\"", instances.Output, StringComparison.Ordinal);
        }

        Assert.Equal(2, health.Output.Split("\"State\": \"healthy\"").Length - 1);
    }
}
