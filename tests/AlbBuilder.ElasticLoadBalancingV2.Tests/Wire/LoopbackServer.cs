using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (raw <see cref="TcpListener"/>) that records every request and answers with
/// whatever the test's responder returns. Keep-alive is supported because the SDK's HttpClient reuses connections.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, CannedResponse> _responder;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;

    public LoopbackServer(Func<RecordedRequest, CannedResponse> responder)
    {
        _responder = responder;
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}";
        _acceptLoop = AcceptLoopAsync();
    }

    public string Url { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections.Select(async c =>
        {
            try
            {
                await c;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
            }
        }));
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_connections)
            {
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        while (!_stop.IsCancellationRequested)
        {
            int headerEnd;
            while ((headerEnd = IndexOf(buffer, "\r\n\r\n"u8)) < 0)
            {
                var read = await stream.ReadAsync(chunk, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                buffer.AddRange(chunk.AsSpan(0, read));
            }

            var head = Encoding.ASCII.GetString([.. buffer.GetRange(0, headerEnd)]);
            buffer.RemoveRange(0, headerEnd + 4);
            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1)
                .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':', StringComparison.Ordinal)], l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
                .ToList();
            string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

            if (string.Equals(Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
            {
                await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), _stop.Token);
            }

            byte[] body;
            if (string.Equals(Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
            {
                body = await ReadChunkedAsync(stream, buffer, chunk);
            }
            else
            {
                var length = int.Parse(Header("Content-Length") ?? "0", CultureInfo.InvariantCulture);
                await FillAsync(stream, buffer, chunk, length);
                body = [.. buffer.GetRange(0, length)];
                buffer.RemoveRange(0, length);
            }

            var request = new RecordedRequest(requestLine[0], requestLine[1], headers, body);
            _requests.Enqueue(request);
            var response = _responder(request);
            await WriteResponseAsync(stream, response);
        }
    }

    private async Task<byte[]> ReadChunkedAsync(NetworkStream stream, List<byte> buffer, byte[] chunk)
    {
        var body = new List<byte>();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf(buffer, "\r\n"u8)) < 0)
            {
                await ReadMoreAsync(stream, buffer, chunk);
            }

            var sizeText = Encoding.ASCII.GetString([.. buffer.GetRange(0, lineEnd)]).Split(';')[0];
            buffer.RemoveRange(0, lineEnd + 2);
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            await FillAsync(stream, buffer, chunk, size + 2);
            body.AddRange(buffer.GetRange(0, size));
            buffer.RemoveRange(0, size + 2);
            if (size == 0)
            {
                return [.. body];
            }
        }
    }

    private async Task FillAsync(NetworkStream stream, List<byte> buffer, byte[] chunk, int count)
    {
        while (buffer.Count < count)
        {
            await ReadMoreAsync(stream, buffer, chunk);
        }
    }

    private async Task ReadMoreAsync(NetworkStream stream, List<byte> buffer, byte[] chunk)
    {
        var read = await stream.ReadAsync(chunk, _stop.Token);
        if (read == 0)
        {
            throw new IOException("Connection closed mid-request.");
        }

        buffer.AddRange(chunk.AsSpan(0, read));
    }

    private async Task WriteResponseAsync(NetworkStream stream, CannedResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.StatusCode} {ReasonPhrase(response.StatusCode)}\r\n")
            .Append("Content-Type: text/xml\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }

    private static string ReasonPhrase(int statusCode) => statusCode switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private static int IndexOf(List<byte> buffer, ReadOnlySpan<byte> pattern)
    {
        for (var i = 0; i <= buffer.Count - pattern.Length; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = buffer[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
