using System.Text;
using AlbBuilder.Reliability.Tests.Infrastructure;
using Amazon;
using Microsoft.Extensions.Logging;
using Cloud = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Reliability.Tests.Secrets;

/// <summary>
/// User data and credentials never reach a log: every line of the lab's and LocalCloud's logging at Trace level and
/// of the AWS SDK's own logging (responses included) across start, status, traffic, a failed start and teardown.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string Marker = "USERDATA-SECRET-9d41c2";

    [Fact]
    public async Task FullLifeCycleAtTrace_NoUserDataNoSecretKeyInAnyLog()
    {
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        var sdk = new CapturingTraceListener { Name = "reliability-secrets" };
        var previous = (AWSConfigs.LoggingConfig.LogTo, AWSConfigs.LoggingConfig.LogResponses, AWSConfigs.LoggingConfig.LogMetrics);
        AWSConfigs.LoggingConfig.LogTo = LoggingOptions.SystemDiagnostics;
        AWSConfigs.LoggingConfig.LogResponses = ResponseLoggingOption.Always;
        AWSConfigs.LoggingConfig.LogMetrics = true;
        AWSConfigs.AddTraceListener("Amazon", sdk);
        var userData = $"#!/bin/bash\nexport DB_PASSWORD={Marker}\nsystemctl enable --now httpd\n";
        try
        {
            await using (var rig = await CloudRig.StartAsync(loggerFactory))
            {
                var lab = rig.Lab("secrets").WithUserData(userData).Build();
                await lab.StartAsync();
                await lab.GetStatusAsync();
                Assert.True((await lab.VerifyTrafficAsync()).AllSucceeded);
                await lab.DestroyAsync();

                // A failing start logs its errors and rollback too.
                rig.Cloud.Faults.FailNext("RunInstances", 100, "UnauthorizedOperation", 403, "You are not authorized to perform this operation.");
                var failing = rig.Lab("secrets-fail").WithUserData(userData).Build();
                await Assert.ThrowsAsync<AlbLabException>(() => failing.StartAsync());
                Assert.True(rig.Inventory.IsEmpty, rig.Inventory.ToString());
            }
        }
        finally
        {
            AWSConfigs.RemoveTraceListener("Amazon", sdk.Name);
            (AWSConfigs.LoggingConfig.LogTo, AWSConfigs.LoggingConfig.LogResponses, AWSConfigs.LoggingConfig.LogMetrics) = previous;
        }

        var lines = capture.Lines.Concat(sdk.Lines).ToList();
        var text = string.Join("\n", lines);

        // Honest: the logs were really captured, from the lab, LocalCloud's clients and the SDK.
        Assert.Contains("RunInstances", text, StringComparison.Ordinal);
        Assert.Contains(capture.Lines, l => l.Contains("AlbBuilder.Lab", StringComparison.Ordinal));
        Assert.NotEmpty(sdk.Lines);

        string[] secrets =
        [
            Marker,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(userData)),
            Cloud.SecretAccessKey,
            Uri.EscapeDataString(Cloud.SecretAccessKey),
        ];
        foreach (var secret in secrets)
        {
            var leak = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A log line contains a secret: {leak}");
        }
    }
}
