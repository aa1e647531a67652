using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>DescribeInstances by instance IDs: up to 1,000 IDs per call; each caller gets its own reservations' instances.</summary>
internal sealed class InstanceBatching : IDescribeBatching<DescribeInstancesRequest, DescribeInstancesResponse>
{
    public static InstanceBatching Instance { get; } = new();

    public string Action => "DescribeInstances";

    public int MaxIdsPerCall => 1000;

    public IReadOnlyList<string>? IdsOf(DescribeInstancesRequest request) =>
        request.InstanceIds is { Count: > 0 } ids
        && request.Filters is null or { Count: 0 }
        && string.IsNullOrEmpty(request.NextToken)
        && request.MaxResults is null
        && request.DryRun is not true
            ? ids
            : null;

    public DescribeInstancesRequest RequestFor(IReadOnlyList<string> ids) => new() { InstanceIds = [.. ids] };

    public IEnumerable<string> IdsIn(DescribeInstancesResponse response) =>
        (response.Reservations ?? []).SelectMany(r => r?.Instances ?? []).Select(i => i?.InstanceId).OfType<string>();

    public DescribeInstancesResponse Only(IReadOnlyList<DescribeInstancesResponse> responses, IReadOnlySet<string> ids) =>
        new()
        {
            Reservations = [.. responses.SelectMany(r => r.Reservations ?? []).Where(r => r is not null).Select(r => Only(r, ids)).Where(r => r.Instances.Count > 0)],
            HttpStatusCode = responses[0].HttpStatusCode,
            ResponseMetadata = responses[0].ResponseMetadata,
        };

    // InvalidInstanceID.NotFound (a retry acceptor of InstanceRunning) and .Malformed name one ID of the batch.
    public bool IsAboutIds(Exception error) =>
        error is AmazonEC2Exception { ErrorCode: { } code } && code.StartsWith("InvalidInstanceID.", StringComparison.Ordinal);

    private static Reservation Only(Reservation reservation, IReadOnlySet<string> ids) => new()
    {
        ReservationId = reservation.ReservationId,
        OwnerId = reservation.OwnerId,
        RequesterId = reservation.RequesterId,
        Groups = reservation.Groups,
        Instances = [.. (reservation.Instances ?? []).Where(i => i?.InstanceId is { } id && ids.Contains(id))],
    };
}
