namespace AlbBuilder.Classroom;

/// <summary>One learner's lab in a classroom.</summary>
public sealed class ClassroomLab
{
    /// <summary>Creates the pair (for your own tests' fakes; a classroom makes its own).</summary>
    /// <param name="learner">The learner.</param>
    /// <param name="lab">The learner's lab.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ClassroomLab(string learner, IAlbLab lab)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(lab);
        Learner = learner;
        Lab = lab;
    }

    /// <summary>Gets the learner, as given to <see cref="AlbClassroomBuilder.ForLearners(IEnumerable{string})"/>.</summary>
    public string Learner { get; }

    /// <summary>Gets the learner's lab, named <c>&lt;class&gt;-&lt;learner&gt;</c>; use it on its own as any <see cref="IAlbLab"/>.</summary>
    public IAlbLab Lab { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Learner}: {Lab.Name} ({Lab.State})";
}
