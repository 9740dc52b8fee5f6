using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Households;

/// <summary>A household (农户), keyed by its registry number.</summary>
public interface IHouseholdGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the household in a registered village. A person belongs to one household only
    /// (一户多贷): a resident id of its head or members that another household holds fails with
    /// <c>RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD</c> or <c>RESIDENT_ID_ALREADY_IN_HOUSEHOLD</c>. Also
    /// fails with <c>VILLAGE_NOT_FOUND</c> or <c>HOUSEHOLD_ALREADY_EXISTS</c>; replaying the same
    /// request id returns the registered household.
    /// </summary>
    Task<HouseholdRecord> RegisterAsync(AdminCode village, HouseholdProfile profile, string requestId);

    /// <summary>
    /// Registers the household as <see cref="RegisterAsync"/> does, for its village's import
    /// (<see cref="Regions.IVillageGrain.ImportHouseholdsAsync"/>): the village, which calls, lists
    /// it; and the household leaves memory once done, so that an import of a province's registry
    /// does not keep every household it registered in the silo. Returns whether this call registered
    /// it: false when it replays a registration already made.
    /// </summary>
    Task<bool> RegisterForVillageAsync(AdminCode village, HouseholdProfile profile, string requestId);

    /// <summary>
    /// Applies a change to the profile. A new head or member must belong to no other household
    /// (<c>RESIDENT_ID_ALREADY_HEADS_HOUSEHOLD</c>, <c>RESIDENT_ID_ALREADY_IN_HOUSEHOLD</c>); a
    /// person no longer listed is free to join another. Replaying a recent request id changes
    /// nothing and returns the household as it is.
    /// </summary>
    Task<HouseholdRecord> UpdateAsync(HouseholdUpdate update, string requestId);

    /// <summary>The household, or <c>HOUSEHOLD_NOT_FOUND</c>.</summary>
    Task<HouseholdRecord> GetAsync();

    /// <summary>
    /// Whether the household lists, as its head or a member, the person whose resident id the
    /// claim grain <paramref name="claimKey"/> stands for (see <see cref="IResidentIdClaimGrain"/>).
    /// </summary>
    [AlwaysInterleave]
    Task<ClaimHolding> HoldingOfClaimAsync(string claimKey);

    /// <summary>
    /// Claims the resident id of everyone the household lists that it does not hold yet (the
    /// registry sweep of households registered before members were claimed). Unlike a registration,
    /// a person another household claimed first stays there and the rest are claimed still.
    /// </summary>
    /// <returns>False when someone the household lists belongs to another household.</returns>
    Task<bool> ClaimPeopleAsync();

    /// <summary>Records that the household applied for a loan, so its loans can be listed. Idempotent.</summary>
    Task RecordApplicationAsync(string loanId);

    /// <summary>
    /// Reserves <paramref name="amount"/> of the household cap for an approved loan: the cap is
    /// shared by all the household's loans at all banks (一户多贷). Fails with
    /// <c>HOUSEHOLD_CAP_EXCEEDED</c> or <c>OUTSTANDING_NON_PERFORMING_LOAN</c>, or, while the household
    /// cannot yet tell what its loans hold after a restart, <c>HOUSEHOLD_CAP_SETTLING</c> (try again).
    /// Idempotent by loan id.
    /// </summary>
    Task<CapReservation> ReserveCapAsync(string loanId, Money amount, CountyPolicy policy, DateTimeOffset expiresAt);

    /// <summary>
    /// How much of the household cap a share of <paramref name="loanId"/> could still take under
    /// <paramref name="policy"/>: the cap less what the household's other loans hold, whatever this
    /// loan already holds left aside. Zero while the household has an outstanding non-performing
    /// loan, which takes on nothing more. Fails like <see cref="ReserveCapAsync"/> while settling.
    /// </summary>
    Task<Money> CapRoomAsync(string loanId, CountyPolicy policy);

    /// <summary>Turns the loan's reservation into outstanding principal. Idempotent by loan id.</summary>
    Task ConfirmCapAsync(string loanId);

    /// <summary>Releases what the loan holds of the cap. Idempotent by loan id.</summary>
    Task ReleaseCapAsync(string loanId);

    /// <summary>Frees the principal a disbursed loan repaid. Idempotent by (loan id, sequence).</summary>
    Task RepayCapAsync(string loanId, int sequence, Money principal);

    /// <summary>
    /// Lists loans a bank disbursed before the platform knew them (存量贷款) and counts their
    /// outstanding principal against the cap, unchecked: the money is lent, and a household over
    /// its cap just gets no new loan until it is back within. Idempotent by loan id. The household
    /// leaves memory afterwards, as after <see cref="RegisterForVillageAsync"/>.
    /// </summary>
    Task TakeOverLoansAsync(IReadOnlyList<TakenOverLoan> loans);

    /// <summary>Marks one of the household's loans non-performing or performing again (servicing, or a bank's report).</summary>
    Task MarkNonPerformingAsync(string loanId, bool nonPerforming);

    /// <summary>The household's loans.</summary>
    [ReadOnly]
    Task<IReadOnlyList<HouseholdLoan>> ListLoansAsync();
}
