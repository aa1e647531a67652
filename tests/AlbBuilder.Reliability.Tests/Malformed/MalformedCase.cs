using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;

namespace AlbBuilder.Reliability.Tests.Malformed;

/// <summary>One surprising response: what to change, and whether the lab should still complete.</summary>
/// <param name="Name">What the response looks like.</param>
/// <param name="Tamper">Changes the responses of the real clients.</param>
/// <param name="Completes">True when the lab should cope (the response is surprising but harmless).</param>
/// <param name="BlindsTeardown">True when the change also hides what the rollback must see (it lies on every call), so the
/// error must list what is still there, and a lab object on honest clients must then remove it.</param>
internal sealed record MalformedCase(
    string Name,
    Action<Infrastructure.TamperingProxy<IAmazonEC2>, Infrastructure.TamperingProxy<IAmazonElasticLoadBalancingV2>> Tamper,
    bool Completes = false,
    bool BlindsTeardown = false);
