namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// A county's disaster or epidemic deferral: every instalment of its loans due from
/// <paramref name="From"/> through <paramref name="Through"/> is due <paramref name="Months"/> months later.
/// </summary>
/// <param name="Id">The request id that declared it; loans remember it so it applies once.</param>
/// <param name="From">The first due date deferred.</param>
/// <param name="Through">The last due date deferred.</param>
/// <param name="Months">How far the due dates move.</param>
/// <param name="Reason">The disaster or epidemic, for people.</param>
/// <param name="Actor">Who declared it.</param>
/// <param name="DeclaredAt">When.</param>
/// <param name="LoansDeferred">How many loans had a due date in the window.</param>
/// <param name="Completed">Whether every loan of the county has been told; false while it is being applied.</param>
[GenerateSerializer, Immutable, Alias("mf.RepaymentDeferral")]
public sealed record RepaymentDeferral(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly Through,
    [property: Id(3)] int Months,
    [property: Id(4)] string Reason,
    [property: Id(5)] string Actor,
    [property: Id(6)] DateTimeOffset DeclaredAt,
    [property: Id(7)] int LoansDeferred,
    [property: Id(8)] bool Completed);
