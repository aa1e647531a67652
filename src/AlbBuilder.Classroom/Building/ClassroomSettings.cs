namespace AlbBuilder.Classroom.Building;

/// <summary>Everything the classroom builder was told, unvalidated; null means "not set" (the default applies at build time).</summary>
internal sealed record ClassroomSettings(AlbLabBuilder Template)
{
    public string? ClassName { get; init; }

    public LearnerList? Learners { get; init; }

    public int? MaxConcurrency { get; init; }

    public AwsRequestRates? RequestRates { get; init; }

    public bool? QuotaPreflight { get; init; }
}
