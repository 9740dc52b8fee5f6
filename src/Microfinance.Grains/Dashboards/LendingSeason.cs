using Microfinance.Abstractions.Dashboards;
using Microfinance.Domain.Finance;

namespace Microfinance.Grains.Dashboards;

/// <summary>
/// What a county disbursed in one year's lending season, by day and by bank: each loan counted once,
/// however often its disbursement is heard.
/// </summary>
public sealed class LendingSeason(int year)
{
    private readonly SortedDictionary<DateOnly, LendingDay> _days = [];
    private readonly Dictionary<string, (int Loans, Money Disbursed)> _banks = [];
    private readonly HashSet<string> _counted = [];

    public int Year { get; } = year;

    public IReadOnlyList<LendingDay> Days => [.. _days.Values];

    public int Loans => _banks.Values.Sum(bank => bank.Loans);

    public Money Disbursed => Money.Sum(_banks.Values.Select(bank => bank.Disbursed));

    public IEnumerable<string> Banks => _banks.Keys;

    /// <summary>Counts a disbursement; null when it is of another year or counted already, else the day as it stands now.</summary>
    public LendingDay? Count(string loanId, string bankCode, DateOnly day, Money amount)
    {
        if (day.Year != Year || !_counted.Add(loanId))
        {
            return null;
        }

        var held = _days.GetValueOrDefault(day) ?? new LendingDay(day, 0, Money.Zero);
        var counted = _days[day] = held with { Loans = held.Loans + 1, Disbursed = held.Disbursed + amount };
        var bank = _banks.GetValueOrDefault(bankCode);
        _banks[bankCode] = (bank.Loans + 1, bank.Disbursed + amount);
        return counted;
    }

    /// <summary>What <paramref name="bankCode"/> disbursed this season.</summary>
    public (int Loans, Money Disbursed) Of(string bankCode) => _banks.GetValueOrDefault(bankCode);
}
