namespace Microfinance.Domain.Servicing;

/// <summary>How a disbursed loan's contract was changed after the fact.</summary>
public enum RestructuringKind
{
    /// <summary>展期: the maturity moves later, once per loan, with a new rating.</summary>
    Extension = 1,

    /// <summary>无还本续贷: a new contract for the outstanding principal without repaying it first.</summary>
    Renewal = 2,

    /// <summary>A county's disaster or epidemic deferral moved the due dates in a window.</summary>
    Deferral = 3,
}
