using Microfinance.Domain.Errors;

namespace Microfinance.Domain.Policies;

/// <summary>
/// The versions of a county's policy over time. A loan is judged by the version in force on
/// its date, so a new version never rewrites what an earlier one decided.
/// </summary>
/// <remarks>Immutable: <see cref="With"/> returns a new history.</remarks>
public sealed class PolicyHistory
{
    private readonly CountyPolicy[] _versions;

    public PolicyHistory()
        : this([])
    {
    }

    private PolicyHistory(CountyPolicy[] versions)
    {
        _versions = versions;
    }

    /// <summary>Every version, ordered by <see cref="CountyPolicy.EffectiveFrom"/>.</summary>
    public IReadOnlyList<CountyPolicy> Versions => _versions;

    /// <summary>This history with <paramref name="version"/> added in date order.</summary>
    /// <exception cref="RuleViolationException"><c>POLICY_VERSION_EXISTS</c>: a version already takes effect on that date.</exception>
    public PolicyHistory With(CountyPolicy version)
    {
        ArgumentNullException.ThrowIfNull(version);

        if (_versions.Any(v => v.EffectiveFrom == version.EffectiveFrom))
        {
            throw new RuleViolationException(
                "POLICY_VERSION_EXISTS",
                $"A policy version already takes effect on {version.EffectiveFrom:yyyy-MM-dd}.");
        }

        return new PolicyHistory([.. _versions.Append(version).OrderBy(v => v.EffectiveFrom)]);
    }

    /// <summary>The latest version that took effect on or before <paramref name="date"/>.</summary>
    /// <exception cref="RuleViolationException"><c>NO_POLICY_IN_FORCE</c>: every version takes effect after <paramref name="date"/>.</exception>
    public CountyPolicy InForceOn(DateOnly date) =>
        _versions.LastOrDefault(v => v.EffectiveFrom <= date)
        ?? throw new RuleViolationException(
            "NO_POLICY_IN_FORCE",
            $"No policy version is in force on {date:yyyy-MM-dd}.");
}
