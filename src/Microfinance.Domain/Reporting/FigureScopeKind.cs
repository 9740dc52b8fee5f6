namespace Microfinance.Domain.Reporting;

/// <summary>The kinds of <see cref="FigureScope"/>.</summary>
public enum FigureScopeKind
{
    County = 1,
    Township = 2,
    Village = 3,
    Bank = 4,
}
