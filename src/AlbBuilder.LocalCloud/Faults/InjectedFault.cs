namespace AlbBuilder.LocalCloud.Faults;

/// <summary>One queued fault: an error to answer with, or a delay before answering normally.</summary>
internal sealed record InjectedFault(string? ErrorCode, int HttpStatus, string? Message, TimeSpan Delay);
