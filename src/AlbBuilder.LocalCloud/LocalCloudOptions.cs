using Microsoft.AspNetCore.Builder;
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

    // Fidelity (user data, issue 12): LocalCloud never runs user data; this gives instances their own behaviour.

    /// <summary>
    /// Gets or sets what each instance's web server does before the seed page: LocalCloud does not run user data, so
    /// every instance serves the seed's page (<c>/</c> and <c>/index.html</c>, 404 elsewhere) unless this adds to its
    /// ASP.NET Core request pipeline, for example a <c>/health</c> endpoint that fails:
    /// <c>(instance, app) =&gt; app.Map("/health", h =&gt; h.Run(c =&gt; { c.Response.StatusCode = 503; return Task.CompletedTask; }))</c>.
    /// Requests the pipeline does not answer fall through to the seed page. Called once per start of an instance's
    /// web server (again after a stop and start), on the data plane's thread: keep it quick.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (the seed page only).</value>
    public Action<LocalInstanceInfo, IApplicationBuilder>? ConfigureInstance { get; set; }
}
