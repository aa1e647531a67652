using System.Collections.Concurrent;
using AlbBuilder.Building;
using AlbBuilder.Provisioning;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.Tests.Provisioning;

[Collection(ProvisioningCollection.Name)]
public sealed class LoggingTests
{
    [Fact]
    public async Task StartAndDestroy_LogEachStepButNeverTheUserData()
    {
        var aws = new FakeAws();
        var logs = new CapturingLoggerFactory();
        var definition = LabFixture.Definition() with { UserData = "#!/bin/bash\nexport SECRET_TOKEN=hunter2\n" };
        var lab = new AlbLabResource(definition, new LabServices(() => aws.Ec2, () => aws.Elb, ownsClients: false, new AutoAdvancingTime(), logs));

        await lab.StartAsync();
        await lab.DestroyAsync();

        var messages = logs.Messages.ToList();
        Assert.Contains(messages, m => m.Contains("CreateLoadBalancer completed", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("DeleteLoadBalancer: Deleted load balancer", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("hunter2", StringComparison.Ordinal) || m.Contains("SECRET_TOKEN", StringComparison.Ordinal));
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(definition.UserData));
        Assert.DoesNotContain(messages, m => m.Contains(encoded, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));
    }
}
