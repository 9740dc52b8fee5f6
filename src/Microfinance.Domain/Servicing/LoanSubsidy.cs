using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;

namespace Microfinance.Domain.Servicing;

/// <summary>
/// A loan's subsidy for one month (第二十七条, 一月一结算) across its contracts: each contract — the
/// disbursement's, then each renewal's — settles its own interest at its own rate, on the principal
/// it carried (<see cref="SubsidyCalculator"/>).
/// </summary>
public static class LoanSubsidy
{
    /// <summary>The subsidy of <paramref name="loan"/> for the month; zero for a month before its disbursement.</summary>
    public static MonthlySubsidy ForMonth(CountyPolicy policy, int year, int month, SubsidisedLoan loan)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(loan);
        if (loan.DisbursedOn > new DateOnly(year, month, DateTime.DaysInMonth(year, month)))
        {
            return new MonthlySubsidy(Money.Zero, Money.Zero, Money.Zero);
        }

        var balances = PrincipalHistory(loan);
        return Contracts(loan)
            .Select(contract => SubsidyCalculator.ForMonth(
                policy,
                new SubsidyFacts(
                    year, month, contract.Rate, loan.WithinBaseCap, Within(balances, contract.From, contract.Until), loan.FirstMissedDueDate)))
            .Aggregate((a, b) => new MonthlySubsidy(
                a.InterestAccrued + b.InterestAccrued, a.SubsidisableInterest + b.SubsidisableInterest, a.Subsidy + b.Subsidy));
    }

    /// <summary>The principal from each date on: the disbursement, then after each day's last repayment.</summary>
    private static List<PrincipalBalance> PrincipalHistory(SubsidisedLoan loan)
    {
        var balances = new List<PrincipalBalance> { new(loan.DisbursedOn, loan.Amount) };
        var outstanding = loan.Amount;
        foreach (var day in loan.Repayments.GroupBy(r => r.PaidOn))
        {
            outstanding -= new Money(day.Sum(r => r.PrincipalPaid.Fen));
            if (day.Key == balances[^1].From)
            {
                balances[^1] = new PrincipalBalance(day.Key, outstanding);
            }
            else
            {
                balances.Add(new PrincipalBalance(day.Key, outstanding));
            }
        }

        return balances;
    }

    /// <summary>The loan's contracts: from disbursement, then from each renewal, with the rate of each.</summary>
    private static List<(DateOnly From, DateOnly? Until, InterestRate Rate)> Contracts(SubsidisedLoan loan)
    {
        var contracts = new List<(DateOnly From, DateOnly? Until, InterestRate Rate)>();
        var from = loan.DisbursedOn;
        foreach (var renewal in loan.Renewals)
        {
            contracts.Add((from, renewal.On, renewal.RateBefore));
            from = renewal.On;
        }

        contracts.Add((from, null, loan.Rate));
        return contracts;
    }

    /// <summary>The principal history seen by one contract: what was outstanding at its start, nothing after its end.</summary>
    private static List<PrincipalBalance> Within(List<PrincipalBalance> balances, DateOnly from, DateOnly? until)
    {
        var atStart = balances.LastOrDefault(b => b.From <= from)?.Outstanding ?? Money.Zero;
        var within = new List<PrincipalBalance> { new(from, atStart) };
        within.AddRange(balances.Where(b => b.From > from && (until is null || b.From < until)));
        if (until is { } end)
        {
            within.Add(new PrincipalBalance(end, Money.Zero));
        }

        return within;
    }
}
