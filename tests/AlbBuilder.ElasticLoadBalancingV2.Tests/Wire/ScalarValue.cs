namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>A scalar: <paramref name="Kind"/> is the model type (string, enum, integer, long, boolean, timestamp).</summary>
internal sealed record ScalarValue(string Kind, object Value, string Wire) : ModelValue;
