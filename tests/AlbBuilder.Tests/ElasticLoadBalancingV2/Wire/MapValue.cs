namespace AlbBuilder.Tests.ElasticLoadBalancingV2.Wire;

/// <summary>A map value, in wire order.</summary>
internal sealed record MapValue(IReadOnlyList<KeyValuePair<ScalarValue, ModelValue>> Entries) : ModelValue;
