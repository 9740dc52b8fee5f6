namespace Microfinance.Domain.Policies;

/// <summary>What is wrong with one parameter of a county policy version.</summary>
/// <param name="Parameter">The parameter: the name of a <see cref="CountyPolicy"/> property.</param>
/// <param name="Description">What is wrong, without naming the parameter, e.g. "must be between 1 and 120, not 0.".</param>
public sealed record PolicyProblem(string Parameter, string Description)
{
    public override string ToString() => $"{Parameter} {Description}";
}
