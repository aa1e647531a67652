namespace AlbBuilder.Classroom;

/// <summary>
/// The tags every resource of a classroom's lab carries next to the lab's ownership tags (<see cref="LabTags"/>):
/// they say which class and which learner the lab belongs to, so that one sweep finds every lab of a class.
/// </summary>
public static class ClassroomTags
{
    /// <summary>The class's name, as given to <see cref="AlbClassroomBuilder.WithName"/>.</summary>
    public const string Class = "albbuilder:class";

    /// <summary>The learner's name, as given to <see cref="AlbClassroomBuilder.ForLearners(IEnumerable{string})"/>.</summary>
    public const string Learner = "albbuilder:learner";
}
