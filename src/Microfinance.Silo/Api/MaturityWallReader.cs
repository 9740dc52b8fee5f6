using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Silo.Api.Mapping;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api;

/// <summary>
/// Reads a county's maturity wall from its disbursed loans, bank by bank: the books list each
/// bank's loans, each loan tells when its principal falls due, and the bank's fund account gives
/// the balance the months are set against.
/// </summary>
public sealed class MaturityWallReader(IGrainFactory grains, BusinessClock clock)
{
    /// <summary>How many loans are asked at once: enough to overlap, few enough not to flood the silo.</summary>
    private const int LoansAtOnce = 256;

    public async Task<Proto.MaturityWall> ReadAsync(AdminCode county, int months)
    {
        var today = clock.TodayIn(county);
        var firstMonth = new DateOnly(today.Year, today.Month, 1);
        var books = grains.Get<ICountyBooksGrain>(county.Value);
        var banks = new List<Proto.MaturityProfile>();
        foreach (var bankCode in (await books.GetAsync()).BankCodes.Order(StringComparer.Ordinal))
        {
            var loans = new List<LoanMaturities>();
            foreach (var chunk in (await books.ListLoansAsync(bankCode, today.Year)).Chunk(LoansAtOnce))
            {
                var answers = await Task.WhenAll(chunk.Select(loanId => grains.Get<ILoanGrain>(loanId).MaturitiesAsync(today, months)));
                loans.AddRange(answers.OfType<LoanMaturities>());
            }

            var fund = await grains.Get<IFundAccountGrain>(FundAccountId.For(county, bankCode)).GetPositionAsync();
            banks.Add(Profile(bankCode, fund.Balance, loans, firstMonth, months));
        }

        var wall = new Proto.MaturityWall
        {
            CountyCode = county.Value,
            FirstMonth = Month(firstMonth),
            County = Sum(banks, firstMonth),
        };
        wall.Banks.Add(banks);
        return wall;
    }

    private static Proto.MaturityProfile Profile(string bankCode, Money fundBalance, List<LoanMaturities> loans, DateOnly firstMonth, int months)
    {
        var profile = new Proto.MaturityProfile
        {
            BankCode = bankCode,
            FundBalanceFen = fundBalance.Fen,
            OverduePrincipalFen = Money.Sum(loans.Select(loan => loan.Overdue)).Fen,
            LaterPrincipalFen = Money.Sum(loans.Select(loan => loan.Later)).Fen,
        };
        for (var i = 0; i < months; i++)
        {
            var due = loans.Select(loan => loan.ByMonth[i]).Where(principal => principal.IsPositive).ToList();
            profile.Months.Add(MonthOf(firstMonth.AddMonths(i), Money.Sum(due), due.Count, fundBalance));
        }

        profile.PeakMonth = PeakOf(profile.Months);
        return profile;
    }

    /// <summary>The county: its banks' figures month by month, against their funds together.</summary>
    private static Proto.MaturityProfile Sum(List<Proto.MaturityProfile> banks, DateOnly firstMonth)
    {
        var fundBalance = new Money(banks.Sum(bank => bank.FundBalanceFen));
        var county = new Proto.MaturityProfile
        {
            FundBalanceFen = fundBalance.Fen,
            OverduePrincipalFen = banks.Sum(bank => bank.OverduePrincipalFen),
            LaterPrincipalFen = banks.Sum(bank => bank.LaterPrincipalFen),
        };
        var months = banks.FirstOrDefault()?.Months.Count ?? 0;
        for (var i = 0; i < months; i++)
        {
            county.Months.Add(MonthOf(
                firstMonth.AddMonths(i),
                new Money(banks.Sum(bank => bank.Months[i].PrincipalDueFen)),
                banks.Sum(bank => bank.Months[i].LoansDue),
                fundBalance));
        }

        county.PeakMonth = PeakOf(county.Months);
        return county;
    }

    private static Proto.MaturityMonth MonthOf(DateOnly month, Money due, int loansDue, Money fundBalance) => new()
    {
        Month = Month(month),
        PrincipalDueFen = due.Fen,
        LoansDue = loansDue,
        FundCoverBp = due.IsPositive ? checked(fundBalance.Fen * 10_000) / due.Fen : 0,
    };

    private static string PeakOf(IEnumerable<Proto.MaturityMonth> months) =>
        months.Where(month => month.PrincipalDueFen > 0).MaxBy(month => month.PrincipalDueFen)?.Month ?? "";

    private static string Month(DateOnly month) => IsoDate.Format(month)[..7];
}
