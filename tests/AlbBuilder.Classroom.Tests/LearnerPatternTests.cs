namespace AlbBuilder.Classroom.Tests;

public sealed class LearnerPatternTests
{
    [Theory]
    [InlineData("learner-{0:00}", 3, "learner-01,learner-02,learner-03")]
    [InlineData("seat{0}", 2, "seat1,seat2")]
    [InlineData("s{0:000}", 1, "s001")]
    public void ForLearners_Pattern_NumbersFromOne(string pattern, int count, string expected)
    {
        var classroom = AlbClassroom.Create(AlbLab.Create()).WithName("c").ForLearners(pattern, count).Build();

        Assert.Equal(expected.Split(','), classroom.Labs.Select(l => l.Learner));
    }

    [Theory]
    [InlineData("learner", 3, "Put {0} in the pattern")]
    [InlineData("learner-{0:00", 3, "composite format")]
    [InlineData("learner-{0}-{1}", 3, "composite format")]
    [InlineData("learner-{0}", 0, "at least 1")]
    public void ForLearners_BadPattern_IsOneProblemNamingTheFix(string pattern, int count, string fix)
    {
        var ex = Assert.Throws<ClassroomValidationException>(() => AlbClassroom.Create(AlbLab.Create()).WithName("c").ForLearners(pattern, count).Build());

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("ForLearners(pattern, count)", problem.Field);
        Assert.Contains(fix, problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void ForLearners_PatternTooLongAtTheLastNumbers_NamesOnlyThoseLabs()
    {
        // 'c-' + 'l' * 22 + up to 4 digits: 27 characters until learner 1000, which makes 28, then 10000 would make 29.
        var pattern = new string('l', 22) + "{0}";

        var ex = Assert.Throws<ClassroomValidationException>(() => AlbClassroom.Create(AlbLab.Create()).WithName("c").ForLearners(pattern, 10000).Build());

        Assert.Equal($"ForLearners(pattern, count)['{new string('l', 22)}10000']", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void ForLearners_ALaterCall_ReplacesTheEarlierLearners()
    {
        var classroom = AlbClassroom.Create(AlbLab.Create()).WithName("c").ForLearners(["a", "b"]).ForLearners("x{0}", 1).Build();

        Assert.Equal(["x1"], classroom.Labs.Select(l => l.Learner));
    }

    [Fact]
    public void ForLearners_NullLearner_ThrowsAtOnce()
    {
        Assert.Throws<ArgumentNullException>(() => AlbClassroom.Create(AlbLab.Create()).ForLearners(["a", null!]));
    }
}
