namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>A value for a model shape, generated from the model alone; the oracle for wire tests.</summary>
internal abstract record ModelValue;
