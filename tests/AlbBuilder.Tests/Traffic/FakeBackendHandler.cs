using System.Net;
using System.Text;

namespace AlbBuilder.Tests.Traffic;

/// <summary>An in-memory backend: each request gets its 0-based index and may answer, throw or hang.</summary>
internal sealed class FakeBackendHandler(Func<int, HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _next = -1;

    public List<Uri> RequestUris { get; } = [];

    /// <summary>Answers the seed's page from each host in turn, as an ALB's round robin would.</summary>
    public static FakeBackendHandler RoundRobin(params string[] hosts) =>
        new((i, _, _) => Task.FromResult(Page(hosts[i % hosts.Length])));

    public static HttpResponseMessage Page(string host, HttpStatusCode status = HttpStatusCode.OK) =>
        Text($"<h1>Hello World from {host}</h1>\n", status);

    public static HttpResponseMessage Text(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "text/html") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (RequestUris)
        {
            RequestUris.Add(request.RequestUri!);
        }

        return respond(Interlocked.Increment(ref _next), request, cancellationToken);
    }
}
