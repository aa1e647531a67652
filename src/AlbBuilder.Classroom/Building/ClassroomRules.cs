using AlbBuilder.Building;

namespace AlbBuilder.Classroom.Building;

/// <summary>
/// The checks behind <see cref="AlbClassroomBuilder.Build"/>. Each adds problems to a list, so that one exception lists
/// everything wrong with the class at once, the template's own problems included.
/// </summary>
internal static class ClassroomRules
{
    public static void CheckClassName(List<LabValidationProblem> problems, string? className)
    {
        if (className is null)
        {
            problems.Add(new(nameof(AlbClassroomBuilder.WithName), "(not set)", "Name the class: each lab is named <class>-<learner> and tagged albbuilder:class=<class>, which the sweep looks for."));
            return;
        }

        // A lab's name begins with the class's, so every rule of lab names but the length applies to it as well.
        LabRules.CheckName(problems, nameof(AlbClassroomBuilder.WithName), className);
    }

    public static void CheckLearner(List<LabValidationProblem> problems, string field, string learner)
    {
        var fieldOf = $"{field}[{LabRules.Show(learner)}]";
        if (learner.Length == 0)
        {
            problems.Add(new(fieldOf, "''", "Give each learner a name (it ends the lab's name and is its albbuilder:learner tag)."));
            return;
        }

        var invalid = learner.Where(c => !char.IsAsciiLetterOrDigit(c) && c != '-').Distinct().ToArray();
        if (invalid.Length > 0)
        {
            problems.Add(new(fieldOf, LabRules.Show(learner), $"Use only ASCII letters, digits and hyphens in learners' names, as in lab names (found {string.Join(" ", invalid.Select(c => "'" + c + "'"))})."));
        }

        if (learner.StartsWith('-') || learner.EndsWith('-'))
        {
            problems.Add(new(fieldOf, LabRules.Show(learner), "Don't begin or end a learner's name with a hyphen (the lab's name would have two in a row or end with one)."));
        }
    }

    /// <summary>Learners whose labs would share a name: AWS compares load balancer and target group names ignoring case.</summary>
    public static void CheckDuplicates(List<LabValidationProblem> problems, string field, IReadOnlyList<string> learners)
    {
        foreach (var group in learners.GroupBy(l => l, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new(
                field,
                string.Join(", ", group.Select(LabRules.Show)),
                "Give each learner a distinct name (ignoring case): two labs of one name would adopt each other's resources."));
        }
    }

    public static void CheckMaxConcurrency(List<LabValidationProblem> problems, int maxConcurrency)
    {
        if (maxConcurrency < 1)
        {
            problems.Add(new(nameof(AlbClassroomBuilder.WithMaxConcurrency), LabRules.Show(maxConcurrency), "Let at least 1 lab start at a time."));
        }
    }

    /// <summary>The lab's name, <c>&lt;class&gt;-&lt;learner&gt;</c>, checked like any lab's (its length above all).</summary>
    public static void CheckLabName(List<LabValidationProblem> problems, string field, string learner, string labName)
    {
        var fieldOf = $"{field}[{LabRules.Show(learner)}]";
        var before = problems.Count;
        LabRules.CheckName(problems, fieldOf, labName);
        for (var i = before; i < problems.Count; i++)
        {
            // Say which part to shorten: the class's name is shared, the learner's is not.
            var problem = problems[i];
            problems[i] = new(problem.Field, problem.Value, $"The lab's name is <class>-<learner>. {problem.Fix} Shorten the class's or the learner's name.");
        }
    }
}
