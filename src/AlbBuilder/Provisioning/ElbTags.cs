using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Provisioning;

/// <summary>The tags of ELBv2 resources (load balancers, target groups, listeners), read in batches, and the ownership test on them.</summary>
internal static class ElbTags
{
    /// <summary>Tags by ARN; one call for up to 20 ARNs (the API's limit); missing resources are skipped.</summary>
    public static async Task<IReadOnlyDictionary<string, List<Tag>>> DescribeAsync(
        IAmazonElasticLoadBalancingV2 elb,
        IEnumerable<string?> arns,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<Tag>>(StringComparer.Ordinal);
        foreach (var chunk in arns.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(20))
        {
            try
            {
                await AddAsync(elb, chunk, result, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonElasticLoadBalancingV2Exception ex) when (IsNotFound(ex) && chunk.Length > 1)
            {
                // One resource went away meanwhile and failed the whole call: ask for the others one by one.
                foreach (var arn in chunk)
                {
                    try
                    {
                        await AddAsync(elb, [arn], result, cancellationToken).ConfigureAwait(false);
                    }
                    catch (AmazonElasticLoadBalancingV2Exception single) when (IsNotFound(single))
                    {
                    }
                }
            }
            catch (AmazonElasticLoadBalancingV2Exception ex) when (IsNotFound(ex))
            {
            }
        }

        return result;
    }

    public static bool Owned(string lab, IReadOnlyDictionary<string, List<Tag>> tags, string? arn) =>
        arn is not null && tags.TryGetValue(arn, out var list)
        && LabOwnership.IsOwned(lab, key => list.FirstOrDefault(t => t.Key == key)?.Value);

    public static string? TagValue(IReadOnlyDictionary<string, List<Tag>> tags, string? arn, string key) =>
        arn is not null && tags.TryGetValue(arn, out var list) ? list.FirstOrDefault(t => t.Key == key)?.Value : null;

    private static bool IsNotFound(AmazonElasticLoadBalancingV2Exception ex) => ex.ErrorCode?.EndsWith("NotFound", StringComparison.Ordinal) == true;

    private static async Task AddAsync(IAmazonElasticLoadBalancingV2 elb, string[] arns, Dictionary<string, List<Tag>> result, CancellationToken cancellationToken)
    {
        var response = await elb.DescribeTagsAsync(new DescribeTagsRequest { ResourceArns = [.. arns] }, cancellationToken).ConfigureAwait(false);
        foreach (var description in response?.TagDescriptions ?? [])
        {
            if (description.ResourceArn is { } arn)
            {
                result[arn] = description.Tags ?? [];
            }
        }
    }
}
