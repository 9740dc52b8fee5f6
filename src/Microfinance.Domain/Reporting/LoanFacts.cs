using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Reporting;

/// <summary>A loan as the county figures count it, for one period.</summary>
/// <param name="Household">The borrowing household; null for a legal person's loan.</param>
/// <param name="Unit">The household's village, or the township a legal person lends in.</param>
/// <param name="BankCode">The lending bank.</param>
/// <param name="AppliedOn">The business date of the application.</param>
/// <param name="Granted">Whether the bank approved it (申贷获得), whatever became of it since.</param>
/// <param name="Outstanding">Principal owed now; zero before disbursement and once repaid.</param>
/// <param name="InPeriod">Principal falling due in the period, and how much of it is repaid.</param>
public sealed record LoanFacts(
    string? Household,
    AdminCode Unit,
    string BankCode,
    DateOnly AppliedOn,
    bool Granted,
    Money Outstanding,
    PeriodPrincipal InPeriod);
