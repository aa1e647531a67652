using Amazon.Runtime;

namespace AlbBuilder.Sample.Planning;

/// <summary>
/// Records every call made through the given SDK clients, in order, from the SDK's own pipeline
/// (<see cref="AmazonServiceClient.BeforeRequestEvent"/>): what the lab really calls, not a list kept by hand.
/// Polling (and any retry) shows as repeats.
/// </summary>
internal sealed class OperationRecorder
{
    private const string RequestSuffix = "Request";
    private readonly Lock _gate = new();
    private readonly List<RecordedOperation> _operations = [];

    /// <summary>The phase recorded with the next calls.</summary>
    public string Phase { get; set; } = "setup";

    public IReadOnlyList<RecordedOperation> Operations
    {
        get
        {
            lock (_gate)
            {
                return [.. _operations];
            }
        }
    }

    /// <summary>Starts recording the calls of a client.</summary>
    /// <param name="client">An SDK client (the EC2 client, AlbBuilder's ELBv2 client).</param>
    /// <param name="service">The IAM service prefix its operations belong to.</param>
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
                    _operations.Add(new RecordedOperation(Phase, service, operation, request));
                }
            }
        };
    }
}
