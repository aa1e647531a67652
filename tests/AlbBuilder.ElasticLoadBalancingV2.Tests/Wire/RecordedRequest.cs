using System.Text;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>A request as the loopback server received it.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name)
    {
        var values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(",", values);
    }

    /// <summary>The form body decoded into (name, value) pairs, in wire order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormPairs() =>
        BodyText.Length == 0
            ? []
            : BodyText.Split('&').Select(pair =>
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                return eq < 0
                    ? new KeyValuePair<string, string>(Uri.UnescapeDataString(pair), string.Empty)
                    : new KeyValuePair<string, string>(Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..]));
            }).ToList();

    public Dictionary<string, string> Form() => FormPairs().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
