using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>Forwards to the caller's logger factory, so the data plane's own filters apply before it.</summary>
/// <param name="inner">The caller's factory; not disposed here.</param>
internal sealed class QuietLoggerProvider(ILoggerFactory inner) : ILoggerProvider
{
    /// <summary>Creates a logger factory over <paramref name="inner"/> that keeps only warnings from the chatty <c>Yarp</c> and <c>Microsoft.AspNetCore</c> categories.</summary>
    /// <param name="inner">The caller's factory, or <see langword="null"/> for none.</param>
    /// <returns>A factory the caller disposes.</returns>
    public static ILoggerFactory CreateFactory(ILoggerFactory? inner) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(LogLevel.Trace);
        builder.AddFilter("Yarp", LogLevel.Warning);
        builder.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Warning);
        if (inner is not null)
        {
            builder.AddProvider(new QuietLoggerProvider(inner));
        }
    });

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
        // The caller owns the inner factory.
    }
}
