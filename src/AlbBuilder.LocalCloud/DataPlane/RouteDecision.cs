using System.Net;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>The control plane's decision for one request reaching a <see cref="FrontDoor"/>.</summary>
internal sealed record RouteDecision
{
    private RouteDecision(RouteAction action, Uri? destination, int statusCode, string? contentType, string? body)
    {
        Action = action;
        Destination = destination;
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
    }

    /// <summary>Gets a 503 answer, as an ALB gives when the target group has no target to route to.</summary>
    public static RouteDecision NoTargets { get; } = Respond(503);

    /// <summary>Gets a decision that aborts the connection.</summary>
    public static RouteDecision Reject { get; } = new(RouteAction.Reject, null, 0, null, null);

    /// <summary>Gets the action.</summary>
    public RouteAction Action { get; }

    /// <summary>Gets the loopback destination prefix (for <see cref="RouteAction.Forward"/>) or redirect location.</summary>
    public Uri? Destination { get; }

    /// <summary>Gets the status for <see cref="RouteAction.Respond"/> and <see cref="RouteAction.Redirect"/>.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the content type of a fixed response; <see langword="null"/> gives the ALB's HTML error page.</summary>
    public string? ContentType { get; }

    /// <summary>Gets the body of a fixed response.</summary>
    public string? Body { get; }

    /// <summary>Forwards to the web server on 127.0.0.1:<paramref name="loopbackPort"/>.</summary>
    /// <param name="loopbackPort">The loopback port.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The port is not 1–65535.</exception>
    public static RouteDecision Forward(int loopbackPort)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(loopbackPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(loopbackPort, 65535);
        return new RouteDecision(RouteAction.Forward, new Uri($"http://127.0.0.1:{loopbackPort}/"), 0, null, null);
    }

    /// <summary>Forwards to a loopback destination prefix.</summary>
    /// <param name="destination">An absolute <c>http://127.0.0.1:port/</c> URI.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException">The URI is not an absolute http URI on 127.0.0.1: the data plane never leaves loopback.</exception>
    public static RouteDecision Forward(Uri destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.IsAbsoluteUri
            || destination.Scheme != Uri.UriSchemeHttp
            || !IPAddress.TryParse(destination.Host, out var address)
            || !address.Equals(IPAddress.Loopback))
        {
            throw new ArgumentException($"Destination '{destination}' is not an http URI on 127.0.0.1.", nameof(destination));
        }

        return new RouteDecision(RouteAction.Forward, destination, 0, null, null);
    }

    /// <summary>Answers with a status; with no body the ALB's HTML error page for that status is sent.</summary>
    /// <param name="statusCode">The HTTP status, 200–599.</param>
    /// <param name="contentType">The content type of <paramref name="body"/> (ALB fixed-response actions).</param>
    /// <param name="body">The body, or <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The status is not 200–599.</exception>
    public static RouteDecision Respond(int statusCode, string? contentType = null, string? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new RouteDecision(RouteAction.Respond, null, statusCode, contentType, body);
    }

    /// <summary>Answers with a redirect (ALB redirect actions).</summary>
    /// <param name="location">The Location header.</param>
    /// <param name="statusCode">301 or 302.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The status is neither 301 nor 302.</exception>
    public static RouteDecision Redirect(Uri location, int statusCode = 301)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (statusCode is not (301 or 302))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An ALB redirect is HTTP_301 or HTTP_302.");
        }

        return new RouteDecision(RouteAction.Redirect, location, statusCode, null, null);
    }
}
