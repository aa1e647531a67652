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
}
