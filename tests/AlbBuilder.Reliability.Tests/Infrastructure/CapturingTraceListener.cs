using System.Collections.Concurrent;
using System.Diagnostics;

namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>Keeps everything the AWS SDK writes to its System.Diagnostics trace sources.</summary>
internal sealed class CapturingTraceListener : TraceListener
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public override void Write(string? message) => _lines.Enqueue(message ?? string.Empty);

    public override void WriteLine(string? message) => _lines.Enqueue(message ?? string.Empty);
}
