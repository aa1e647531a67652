using System.Globalization;
using AlbBuilder.Building;

namespace AlbBuilder.Classroom.Building;

/// <summary>
/// The learners as the builder was told them: a list, or a pattern and a count expanded at <c>Build()</c> so that a bad
/// pattern is one problem among the others rather than an exception of its own.
/// </summary>
internal sealed class LearnerList
{
    private readonly IReadOnlyList<string>? _names;
    private readonly string? _pattern;
    private readonly int _count;

    private LearnerList(IReadOnlyList<string>? names, string? pattern, int count)
    {
        _names = names;
        _pattern = pattern;
        _count = count;
    }

    /// <summary>The builder setting that gave them, for problems' field names.</summary>
    public string Field => _pattern is null ? "ForLearners" : "ForLearners(pattern, count)";

    public static LearnerList FromNames(IReadOnlyList<string> names) => new(names, null, 0);

    public static LearnerList FromPattern(string pattern, int count) => new(null, pattern, count);

    /// <summary>The learners' names; problems with the list or pattern are added to <paramref name="problems"/>.</summary>
    public IReadOnlyList<string> Expand(List<LabValidationProblem> problems)
    {
        if (_names is not null)
        {
            if (_names.Count == 0)
            {
                problems.Add(new(Field, "(empty)", "Give at least one learner."));
            }

            return _names;
        }

        var pattern = _pattern!;
        if (_count < 1)
        {
            problems.Add(new(Field, LabRules.Show(_count), "Give a count of at least 1 learner."));
            return [];
        }

        if (!pattern.Contains("{0", StringComparison.Ordinal))
        {
            problems.Add(new(Field, LabRules.Show(pattern), "Put {0} in the pattern where the learner's number goes, e.g. 'learner-{0:00}' (learner-01, learner-02…)."));
            return [];
        }

        try
        {
            return [.. Enumerable.Range(1, _count).Select(i => string.Format(CultureInfo.InvariantCulture, pattern, i))];
        }
        catch (FormatException)
        {
            problems.Add(new(Field, LabRules.Show(pattern), "Use a composite format with only {0} (the number, from 1), e.g. 'learner-{0:00}'; write a literal brace as {{ or }}."));
            return [];
        }
    }
}
