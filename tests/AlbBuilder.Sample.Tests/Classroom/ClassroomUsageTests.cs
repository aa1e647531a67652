using AlbBuilder.Sample.Commands;

namespace AlbBuilder.Sample.Tests.Classroom;

/// <summary>Bad <c>classroom</c> input is a usage error that lists every problem, before any cloud exists.</summary>
public sealed class ClassroomUsageTests
{
    [Theory]
    [InlineData("--labs must be 1–100 (it is 0).", "--labs", "0")]
    [InlineData("--labs must be 1–100 (it is 101).", "--labs", "101")]
    [InlineData("--name = 'my_class'", "--name", "my_class", "--labs", "2")]
    [InlineData("--labs['learner-02'] = 'a-class-name-of-twenty-chars-learner-02': The lab's name is <class>-<learner>", "--name", "a-class-name-of-twenty-chars", "--labs", "2")]
    public async Task BadOptions_AreAUsageError_WithNothingCreated(string expected, params string[] args)
    {
        var run = await SampleRun.RunAsync(["classroom", .. args, .. SampleRun.Fast]);

        AssertUsageError(run, expected);
    }

    [Fact]
    public async Task LabsAndLearners_ExcludeEachOther()
    {
        using var file = new LearnersFile("ada", "alan");

        var run = await SampleRun.RunAsync(["classroom", "--labs", "2", "--learners", file.Path, .. SampleRun.Fast]);

        AssertUsageError(run, "--labs and --learners exclude each other");
    }

    [Fact]
    public async Task AMissingLearnersFile_IsAUsageError()
    {
        using var file = new LearnersFile();

        var run = await SampleRun.RunAsync(["classroom", "--learners", file.Missing, .. SampleRun.Fast]);

        AssertUsageError(run, $"--learners: the file '{file.Missing}' does not exist.");
    }

    [Fact]
    public async Task ADuplicateLearner_IgnoringCase_IsAUsageError()
    {
        using var file = new LearnersFile("ada", "alan", "Ada");

        var run = await SampleRun.RunAsync(["classroom", "--learners", file.Path, .. SampleRun.Fast]);

        AssertUsageError(run, "--learners = 'ada', 'Ada': Give each learner a distinct name (ignoring case)");
    }

    [Fact]
    public async Task SeveralProblems_AreAllListed()
    {
        using var file = new LearnersFile();

        var run = await SampleRun.RunAsync(["classroom", "--name", "bad_name", "--labs", "0", "--learners", file.Missing, .. SampleRun.Fast]);

        AssertUsageError(run, "The classroom command has 4 problem(s):");
        Assert.Contains("--labs must be 1–100", run.Output);
        Assert.Contains("--labs and --learners exclude each other", run.Output);
        Assert.Contains("does not exist", run.Output);
        Assert.Contains("--name = 'bad_name'", run.Output);
    }

    [Fact]
    public async Task AnEmptyLearnersFile_IsAUsageError()
    {
        using var file = new LearnersFile("# nobody yet", "");

        var run = await SampleRun.RunAsync(["classroom", "--learners", file.Path, .. SampleRun.Fast]);

        AssertUsageError(run, "--learners");
    }

    private static void AssertUsageError(SampleRun run, string expected)
    {
        Assert.True(run.ExitCode == ExitCodes.Usage, run.Output);
        Assert.Contains(expected, run.Output);
        Assert.DoesNotContain("Cloud:", run.Output); // no cloud was started, so nothing was created
    }
}
