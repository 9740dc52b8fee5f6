using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Funds;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.LegalPersons;
using Microfinance.Abstractions.Loans;
using Microsoft.Extensions.Caching.Memory;

namespace Microfinance.Silo.Security;

/// <summary>
/// Where the entities a request names lie, for <see cref="AccessPolicy"/>: read from their
/// grains once and then remembered, since none of them ever moves (a loan keeps its household
/// and bank, a household its village, a legal person its county). An entity that does not exist
/// answers NOT_FOUND from its grain, as the RPC itself would.
/// </summary>
public sealed class EntityScopes(IGrainFactory grains) : IDisposable
{
    /// <summary>How many entities' places are remembered; about 100 bytes each.</summary>
    public const int Capacity = 200_000;

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public ValueTask<AccessTarget> OfLoanAsync(string loanId) =>
        RememberedAsync(("loan", loanId), async () =>
        {
            var loan = await grains.Get<ILoanGrain>(loanId).GetLoanAsync();
            var region = loan.Village ?? loan.Application.LegalPerson?.Township ?? loan.County;
            return new AccessTarget(region, loan.Application.BankCode);
        });

    public ValueTask<AccessTarget> OfHouseholdAsync(string registryNumber) =>
        RememberedAsync(("household", registryNumber), async () =>
            new AccessTarget((await grains.Get<IHouseholdGrain>(registryNumber).GetAsync()).Village));

    public ValueTask<AccessTarget> OfLegalPersonAsync(string creditCode) =>
        RememberedAsync(("legal-person", creditCode), async () =>
            new AccessTarget((await grains.Get<ILegalPersonGrain>(creditCode).GetAsync()).Profile.County));

    /// <summary>A fund's place is in its id (<see cref="FundAccountId"/>): no grain is asked.</summary>
    public static AccessTarget OfFund(string fundId) =>
        new(FundAccountId.CountyOf(fundId), FundAccountId.BankOf(fundId));

    public void Dispose() => _known.Dispose();

    private async ValueTask<AccessTarget> RememberedAsync((string Kind, string Id) key, Func<Task<AccessTarget>> read)
    {
        if (_known.TryGetValue(key, out AccessTarget known))
        {
            return known;
        }

        var target = await read();
        _known.Set(key, target, new MemoryCacheEntryOptions { Size = 1 });
        return target;
    }
}
