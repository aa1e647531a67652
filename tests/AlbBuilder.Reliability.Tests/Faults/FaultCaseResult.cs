namespace AlbBuilder.Reliability.Tests.Faults;

/// <summary>The outcome of one fault-matrix case: passed, or why not; and whether resources were left over.</summary>
internal sealed record FaultCaseResult(string Name, bool Passed, string Detail, bool Orphans);
