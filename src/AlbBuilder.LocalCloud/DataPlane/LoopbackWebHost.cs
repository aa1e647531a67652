using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// Builds the small Kestrel servers of the data plane. <c>CreateEmptyBuilder</c> + <c>UseKestrelCore</c>
/// because <c>CreateBuilder</c>/<c>CreateSlimBuilder</c> each take an inotify instance to watch
/// appsettings.json (128 per user), and LocalCloud runs dozens of servers.
/// </summary>
internal static class LoopbackWebHost
{
    /// <summary>Creates an un-started app bound to 127.0.0.1:<paramref name="port"/> (0 = a free port).</summary>
    /// <param name="port">The port, or 0.</param>
    /// <param name="loggerFactory">The (already filtered) logger factory.</param>
    /// <param name="configureServices">Adds services, or <see langword="null"/>.</param>
    /// <param name="alsoOn">A second address to listen on (an instance's public address), or <see langword="null"/>.</param>
    /// <returns>The app; the caller adds middleware and starts it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The port is not 0–65535.</exception>
    public static WebApplication Create(
        int port, ILoggerFactory loggerFactory, Action<IServiceCollection>? configureServices = null, IPEndPoint? alsoOn = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, port);
            if (alsoOn is not null)
            {
                options.Listen(alsoOn);
            }
        });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Starts the app and reads the port Kestrel bound.</summary>
    /// <param name="app">The app.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The bound port.</returns>
    /// <exception cref="InvalidOperationException">Kestrel reported no address.</exception>
    public static async Task<int> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.Contains("://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel started without reporting an address.");
        return new Uri(address).Port;
    }
}
