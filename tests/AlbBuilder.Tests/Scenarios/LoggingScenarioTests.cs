namespace AlbBuilder.Tests.Scenarios;

[Collection(ScenarioCollection.Name)]
public sealed class LoggingScenarioTests
{
    [Fact]
    public async Task StartAndDestroy_LogEachStepButNeverTheUserData()
    {
        await using var env = await LabCloud.StartAsync();
        var logs = new CapturingLoggerFactory();
        const string userData = "#!/bin/bash\nexport SECRET_TOKEN=hunter2\n";
        var lab = env.Lab("demo").WithUserData(userData).WithLoggerFactory(logs).Build();

        await lab.StartAsync();
        await lab.DestroyAsync();

        var messages = logs.Messages.ToList();
        Assert.Contains(messages, m => m.Contains("CreateLoadBalancer completed", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("DeleteLoadBalancer: Deleted load balancer", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("hunter2", StringComparison.Ordinal) || m.Contains("SECRET_TOKEN", StringComparison.Ordinal));
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(userData));
        Assert.DoesNotContain(messages, m => m.Contains(encoded, StringComparison.Ordinal));
    }
}
