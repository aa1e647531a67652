using AlbBuilder.Building;
using AlbBuilder.Classroom.Building;
using AlbBuilder.Classroom.Quotas;
using AlbBuilder.Classroom.Running;

namespace AlbBuilder.Classroom;

/// <summary>
/// Describes a classroom, fluently and immutably: every <c>With…</c> returns a new builder. <see cref="Build"/> validates
/// the class, its learners, every lab's name and the template at once, and returns an un-started
/// <see cref="IAlbClassroom"/>; nothing touches AWS before <see cref="IAlbClassroom.StartAsync"/>.
/// </summary>
public sealed class AlbClassroomBuilder
{
    private readonly ClassroomSettings _settings;

    internal AlbClassroomBuilder(ClassroomSettings settings)
    {
        _settings = settings;
    }

    /// <summary>Names the class: each lab is named <c>&lt;class&gt;-&lt;learner&gt;</c> and tagged <see cref="ClassroomTags.Class"/> = the class's name.</summary>
    /// <param name="className">ASCII letters, digits and hyphens, no hyphen at either end; short enough that every lab's name has at most 28 characters. Required.</param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="className"/> is null.</exception>
    public AlbClassroomBuilder WithName(string className)
    {
        ArgumentNullException.ThrowIfNull(className);
        return new(_settings with { ClassName = className });
    }

    /// <summary>Gives the learners by name, one lab each, in this order (replacing learners given before).</summary>
    /// <param name="learners">
    /// At least one name of ASCII letters, digits and hyphens (no hyphen at either end), distinct ignoring case; each is
    /// the end of its lab's name and its <see cref="ClassroomTags.Learner"/> tag. Required (or the pattern overload).
    /// </param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learners"/> or one of its items is null.</exception>
    public AlbClassroomBuilder ForLearners(IEnumerable<string> learners)
    {
        ArgumentNullException.ThrowIfNull(learners);
        string[] names = [.. learners];
        foreach (var name in names)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(learners));
        }

        return new(_settings with { Learners = LearnerList.FromNames(names) });
    }

    /// <summary>
    /// Names <paramref name="count"/> learners from a pattern, numbered from 1: <c>ForLearners("learner-{0:00}", 3)</c> gives
    /// <c>learner-01</c>, <c>learner-02</c>, <c>learner-03</c> (replacing learners given before).
    /// </summary>
    /// <param name="pattern">A composite format string (invariant culture) with <c>{0}</c>, the number, e.g. <c>learner-{0:00}</c> or <c>seat{0}</c>.</param>
    /// <param name="count">How many learners, at least 1.</param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public AlbClassroomBuilder ForLearners(string pattern, int count)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new(_settings with { Learners = LearnerList.FromPattern(pattern, count) });
    }

    /// <summary>Sets how many labs start, are checked or are torn down at once; the others wait their turn.</summary>
    /// <param name="maxConcurrency">At least 1. <value>The default is <see cref="AlbClassroom.DefaultMaxConcurrency"/> (30).</value></param>
    /// <returns>A new builder with the change.</returns>
    public AlbClassroomBuilder WithMaxConcurrency(int maxConcurrency) => new(_settings with { MaxConcurrency = maxConcurrency });

    /// <summary>Sets the request rates every lab of the class shares (one token bucket per service and action class).</summary>
    /// <param name="rates">The rates; on LocalCloud, scale them with its latency profile. <value>The default is <see cref="AwsRequestRates.Default"/>.</value></param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rates"/> is null.</exception>
    public AlbClassroomBuilder WithRequestRates(AwsRequestRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new(_settings with { RequestRates = rates });
    }

    /// <summary>Sets whether <see cref="IAlbClassroom.StartAsync"/> checks the account's quotas before it creates anything.</summary>
    /// <param name="enabled">False skips the check (AWS then refuses what does not fit, lab by lab). <value>The default is <see langword="true"/>.</value></param>
    /// <returns>A new builder with the change.</returns>
    public AlbClassroomBuilder WithQuotaPreflight(bool enabled) => new(_settings with { QuotaPreflight = enabled });

    /// <summary>Validates the class and returns it, not started: no AWS call, no credentials needed yet.</summary>
    /// <returns>The classroom, with one un-started lab per learner.</returns>
    /// <exception cref="ClassroomValidationException">Something is invalid; the exception lists every problem with its value and a fix.</exception>
    public IAlbClassroom Build()
    {
        var problems = new List<LabValidationProblem>();
        ClassroomRules.CheckClassName(problems, _settings.ClassName);
        var classIsValid = problems.Count == 0;
        IReadOnlyList<string> learners = [];
        if (_settings.Learners is { } list)
        {
            learners = list.Expand(problems);
            CheckLearners(problems, list.Field, learners, classIsValid);
        }
        else
        {
            problems.Add(new("ForLearners", "(not set)", "Give the learners: ForLearners([\"ada\", \"alan\"]) or ForLearners(\"learner-{0:00}\", 30)."));
        }

        var maxConcurrency = _settings.MaxConcurrency ?? AlbClassroom.DefaultMaxConcurrency;
        ClassroomRules.CheckMaxConcurrency(problems, maxConcurrency);

        // The template's own problems, once (not once per lab): a valid placeholder name, the class's two tags.
        var services = new ClassroomServices(_settings.Template, _settings.RequestRates ?? AwsRequestRates.Default);
        problems.AddRange(LabFor(services, "classroom", "learner").Validate());
        if (problems.Count > 0)
        {
            throw new ClassroomValidationException(problems);
        }

        // Every lab is the template, so one definition tells what the whole class needs.
        var definition = LabFor(services, "classroom", "learner").BuildDefinition();
        var needs = new ClassroomNeeds(learners.Count, definition.InstanceCount, definition.InstanceType, definition.VpcId);
        var labs = learners.Select(l => new ClassroomLab(l, LabFor(services, _settings.ClassName!, l).Build())).ToList();
        return new ClassroomResource(_settings.ClassName!, labs, needs, services, maxConcurrency, _settings.QuotaPreflight ?? true);
    }

    private void CheckLearners(List<LabValidationProblem> problems, string field, IReadOnlyList<string> learners, bool classIsValid)
    {
        ClassroomRules.CheckDuplicates(problems, field, learners);
        foreach (var learner in learners)
        {
            var before = problems.Count;
            ClassroomRules.CheckLearner(problems, field, learner);
            if (classIsValid && problems.Count == before)
            {
                // Only when both parts are valid: otherwise the part's own problem says it better.
                ClassroomRules.CheckLabName(problems, field, learner, _settings.ClassName + "-" + learner);
            }
        }
    }

    private AlbLabBuilder LabFor(ClassroomServices services, string className, string learner) =>
        _settings.Template
            .WithName(className + "-" + learner)
            .WithReservedTags([new(ClassroomTags.Class, className), new(ClassroomTags.Learner, learner)])
            .WithSharedClients(services.LabClients);
}
