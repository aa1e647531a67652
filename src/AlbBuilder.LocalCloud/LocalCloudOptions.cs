using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud;

/// <summary>Options for <see cref="LocalCloud.StartAsync(LocalCloudOptions?, CancellationToken)"/>.</summary>
public sealed class LocalCloudOptions
{
    /// <summary>Gets or sets the emulated region.</summary>
    /// <value>The default value is <c>us-east-1</c>.</value>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Gets or sets how long life cycles take.</summary>
    /// <value>The default value is <see cref="LatencyProfile.Instant"/>.</value>
    public LatencyProfile LatencyProfile { get; set; } = LatencyProfile.Instant;

    /// <summary>Gets or sets a value indicating whether requests must carry a valid SigV4 signature made with <see cref="LocalCloud.Credentials"/>.</summary>
    /// <value>The default value is <see langword="false"/> (any or no signature is accepted).</value>
    public bool VerifySignatures { get; set; }

    /// <summary>Gets or sets the clock that drives every life-cycle timer.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the logger factory for the emulator's diagnostics.</summary>
    /// <value>The default value is <see langword="null"/> (no logging).</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the 127.0.0.1 port of the control plane (both services' endpoint).</summary>
    /// <value>The default value is 0: a free port. The <c>localcloud</c> server uses 4580.</value>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the data plane listens where a browser or curl can reach it by the
    /// addresses the APIs return: each listener's front door on 127.0.0.1:&lt;listener port&gt; (a free port when
    /// that one cannot be bound; <see cref="LocalCloud.GetUrls"/> says which), and each instance's web server also on
    /// its public address (127.0.100.x), port 80, when that can be bound.
    /// </summary>
    /// <value>The default value is <see langword="false"/> (free loopback ports only; reach them through
    /// <see cref="LocalCloud.CreateHttpMessageHandler"/>), so tests running side by side never compete for port 80.</value>
    public bool PublishDataPlane { get; set; }
}
