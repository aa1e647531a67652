using AlbBuilder.Building;
using Microsoft.Extensions.Options;

namespace AlbBuilder.DependencyInjection;

/// <summary>Checks <see cref="AlbBuilderOptions"/> with the builder's own rules, so a bad value fails the host's start, not the first lab.</summary>
internal sealed class AlbBuilderOptionsValidator : IValidateOptions<AlbBuilderOptions>
{
    private const string Prefix = nameof(AlbBuilderOptions) + ".";

    public ValidateOptionsResult Validate(string? name, AlbBuilderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<LabValidationProblem>();
        if (options.Region is { } region)
        {
            LabRules.CheckRegionName(problems, Prefix + nameof(options.Region), region);
        }

        LabRules.CheckInstanceCount(problems, Prefix + nameof(options.InstanceCount), options.InstanceCount);
        LabRules.CheckInstanceType(problems, Prefix + nameof(options.InstanceType), options.InstanceType ?? string.Empty);
        LabRules.CheckImageId(problems, Prefix + nameof(options.ImageId), options.ImageId ?? string.Empty);
        LabRules.CheckPositive(problems, Prefix + nameof(options.InstancesRunningTimeout), options.InstancesRunningTimeout);
        LabRules.CheckPositive(problems, Prefix + nameof(options.LoadBalancerActiveTimeout), options.LoadBalancerActiveTimeout);
        LabRules.CheckPositive(problems, Prefix + nameof(options.TargetsHealthyTimeout), options.TargetsHealthyTimeout);
        LabRules.CheckPositive(problems, Prefix + nameof(options.TeardownTimeout), options.TeardownTimeout);
        if (options.TimeToLive is { } timeToLive)
        {
            LabRules.CheckPositive(problems, Prefix + nameof(options.TimeToLive), timeToLive);
        }

        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }
}
