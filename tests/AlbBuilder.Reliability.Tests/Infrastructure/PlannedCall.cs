namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>A mutating call of the lab's start, with the steps that were running when it was made.</summary>
internal sealed record PlannedCall(RecordedCall Call, IReadOnlySet<string> ActiveSteps);
