using AlbBuilder.Traffic;
using Microsoft.Extensions.Options;

namespace AlbBuilder;

/// <summary>Proves a load balancer serves: sends requests and reports which backend answered each and how fast.</summary>
public static class TrafficVerifier
{
    /// <summary>Sends <see cref="TrafficOptions.Requests"/> GETs to the URL and reports the distribution, failures and latencies.</summary>
    /// <param name="url">The load balancer's absolute http(s) URL; <see cref="TrafficOptions.Path"/> is resolved against it.</param>
    /// <param name="options">How to probe and judge; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the whole verification.</param>
    /// <returns>The report; failed requests are in it, not thrown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https URL.</exception>
    /// <exception cref="OptionsValidationException">The options have bad values (all are listed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="TimeoutException">The URL's host name did not resolve within <see cref="TrafficOptions.NameResolutionTimeout"/>.</exception>
    public static async Task<TrafficReport> VerifyAsync(Uri url, TrafficOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The URL must be an absolute http or https URL, not '{url}'.", nameof(url));
        }

        options ??= new TrafficOptions();
        options.Validate();

        if (options.Handler is not null)
        {
            return await new TrafficProbe(options.Handler, options).RunAsync(url, cancellationToken).ConfigureAwait(false);
        }

        // A fresh handler per verification: new connections, nothing pooled from an earlier lab with the same name.
        using var handler = new SocketsHttpHandler();
        return await new TrafficProbe(handler, options).RunAsync(url, cancellationToken).ConfigureAwait(false);
    }
}
