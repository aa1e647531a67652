using Amazon.Runtime;

namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>
/// Records every call made through SDK clients, in order, from the SDK's own pipeline (BeforeRequestEvent, as
/// samples/ConsoleSample/Planning/OperationRecorder does — that one is internal to the sample, hence this copy).
/// <see cref="BeforeSend"/> runs synchronously before the request leaves, so a test can queue a LocalCloud fault
/// for exactly the n-th call of an operation.
/// </summary>
internal sealed class CallRecorder
{
    private const string RequestSuffix = "Request";
    private readonly Lock _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    /// <summary>Called with each call before it is sent (under the recorder's lock, so in call order).</summary>
    public Action<RecordedCall>? BeforeSend { get; set; }

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public void Attach(object client, string service)
    {
        var serviceClient = client as AmazonServiceClient
            ?? throw new ArgumentException($"{client.GetType().Name} is not an AWS SDK service client.", nameof(client));
        serviceClient.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs { Request: { } request })
            {
                var name = request.GetType().Name;
                var operation = name.EndsWith(RequestSuffix, StringComparison.Ordinal) ? name[..^RequestSuffix.Length] : name;
                lock (_gate)
                {
                    var occurrence = _occurrences[operation] = _occurrences.GetValueOrDefault(operation) + 1;
                    var call = new RecordedCall(service, operation, occurrence);
                    _calls.Add(call);
                    BeforeSend?.Invoke(call);
                }
            }
        };
    }
}
