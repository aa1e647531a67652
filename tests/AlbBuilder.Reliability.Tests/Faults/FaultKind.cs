namespace AlbBuilder.Reliability.Tests.Faults;

/// <summary>What is injected at a call of the plan.</summary>
public enum FaultKind
{
    /// <summary>Throttled twice (EC2 RequestLimitExceeded 503, ELBv2 Throttling 400): the SDK retries.</summary>
    Throttle,

    /// <summary>HTTP 500 twice (InternalError / InternalFailure): the SDK retries.</summary>
    InternalError,

    /// <summary>Access denied on this and every later call of the operation: the start must fail and roll back.</summary>
    Permanent,
}
