using System.CommandLine;

namespace AlbBuilder.Sample.Commands;

/// <summary>Range checks for options, reported as parse errors (so bad values get the usage message and exit code 2).</summary>
internal static class OptionRules
{
    public static Option<T> Require<T>(this Option<T> option, Func<T, bool> isValid, string message)
    {
        option.Validators.Add(result =>
        {
            // A value that didn't convert (e.g. "many" for a number) already has its parse error; reading it would throw.
            if (result.Errors.Any())
            {
                return;
            }

            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (!isValid(value))
            {
                result.AddError(message);
            }
        });
        return option;
    }
}
