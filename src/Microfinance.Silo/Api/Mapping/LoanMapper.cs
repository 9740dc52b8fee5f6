using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Servicing;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps loans, their history, balance, schedule and repayments, and a household's loans to the proto contract.</summary>
public static class LoanMapper
{
    /// <summary>The loan as of <paramref name="today"/>, the business date its interest due is computed for.</summary>
    public static Proto.Loan ToProto(LoanRecord loan, DateOnly today) => new()
    {
        LoanId = loan.LoanId,
        Application = ToProto(loan.Application),
        CountyCode = loan.County.Value,
        VillageCode = loan.Village?.Value ?? "",
        Stage = ProtoEnums.ToProto(loan.Stage),
        ApplicationDate = IsoDate.Format(loan.ApplicationDate),
        Policy = loan.Policy is { } policy ? PolicyMapper.ToProto(policy) : null,
        ContractRateBp = loan.ContractRate?.BasisPoints ?? 0,
        FundBackedFen = loan.FundBacked.Fen,
        ApprovalExpireTime = loan.ApprovalExpiresAt is { } expiresAt ? Timestamp.FromDateTimeOffset(expiresAt) : null,
        ApprovalDate = loan.ApprovalDate is { } approvedOn ? IsoDate.Format(approvedOn) : "",
        ChargedRegistryNumbers = { loan.ChargedHouseholds ?? [] },
        DisbursedDate = IsoDate.Format(loan.DisbursedOn),
        History = { loan.History.Select(ToProto) },
        Balance = loan.Balance is { } balance ? ToProto(balance, loan.ContractRate, today) : null,
        Repayments = { (loan.Repayments ?? []).Select(ToProto) },
        Schedule = { (loan.Schedule ?? []).Select(ToProto) },
        Restructurings = { (loan.Restructurings ?? []).Select(ToProto) },
    };

    public static Proto.HouseholdLoan ToProto(HouseholdLoan loan) => new()
    {
        LoanId = loan.LoanId,
        CommittedFen = loan.Committed.Fen,
        Status = ProtoEnums.ToProto(loan.Status),
        NonPerforming = loan.NonPerforming,
    };

    private static Proto.LoanApplication ToProto(LoanApplication application)
    {
        var proto = new Proto.LoanApplication
        {
            BankCode = application.BankCode,
            AmountFen = application.Amount.Fen,
            TermMonths = application.TermMonths,
            Purpose = application.Purpose,
            Industry = application.Industry,
        };
        if (application.LegalPerson is { } agreement)
        {
            proto.LegalPerson = new Proto.LegalPersonBorrower
            {
                CreditCode = application.Borrower,
                TownshipCode = agreement.Township.Value,
                DrivenRegistryNumbers = { agreement.DrivenHouseholds },
            };
        }
        else
        {
            proto.RegistryNumber = application.Borrower;
        }

        return proto;
    }

    private static Proto.LoanBalance ToProto(LoanBalance balance, InterestRate? rate, DateOnly today)
    {
        // Around midnight this silo's business date may trail the one that recorded the last
        // repayment: nothing has accrued since then, and the day count must not run backwards.
        var asOf = today < balance.AccruedThrough ? balance.AccruedThrough : today;
        return new Proto.LoanBalance
        {
            PrincipalFen = balance.Principal.Fen,
            UnpaidInterestFen = balance.UnpaidInterest.Fen,
            AccruedThroughDate = IsoDate.Format(balance.AccruedThrough),
            InterestPaidThroughDate = IsoDate.Format(balance.InterestPaidThrough),
            InterestDueTodayFen = rate is { } contractRate
                ? balance.InterestDueOn(contractRate, asOf).Fen
                : balance.UnpaidInterest.Fen,
        };
    }

    private static Proto.Instalment ToProto(ScheduledInstalment instalment) => new()
    {
        Number = instalment.Number,
        DueDate = IsoDate.Format(instalment.DueDate),
        PeriodStartDate = IsoDate.Format(instalment.PeriodStart),
        PrincipalFen = instalment.Principal.Fen,
        InterestFen = instalment.Interest.Fen,
    };

    private static Proto.Repayment ToProto(Repayment repayment) => new()
    {
        Sequence = repayment.Sequence,
        PaidDate = IsoDate.Format(repayment.PaidOn),
        AmountFen = repayment.Amount.Fen,
        InterestPaidFen = repayment.InterestPaid.Fen,
        PrincipalPaidFen = repayment.PrincipalPaid.Fen,
        FundBackedPrincipalPaidFen = repayment.FundBackedPrincipalPaid.Fen,
        Actor = repayment.Actor,
        RecordTime = Timestamp.FromDateTimeOffset(repayment.RecordedAt),
        RequestId = repayment.RequestId,
    };

    private static Proto.LoanRestructuring ToProto(LoanRestructuring restructuring) => new()
    {
        Sequence = restructuring.Sequence,
        Kind = ProtoEnums.ToProto(restructuring.Kind),
        EffectiveDate = IsoDate.Format(restructuring.On),
        Months = restructuring.Months,
        Rating = restructuring.Rating,
        RateBeforeBp = restructuring.RateBefore.BasisPoints,
        RateBp = restructuring.Rate.BasisPoints,
        MaturityBeforeDate = IsoDate.Format(restructuring.MaturityBefore),
        MaturityAfterDate = IsoDate.Format(restructuring.MaturityAfter),
        DeferralId = restructuring.DeferralId ?? "",
        Actor = restructuring.Actor,
        RecordTime = Timestamp.FromDateTimeOffset(restructuring.RecordedAt),
    };

    private static Proto.LoanEvent ToProto(LoanEvent loanEvent) => new()
    {
        Stage = ProtoEnums.ToProto(loanEvent.Stage),
        Party = ProtoEnums.ToProto(loanEvent.Party),
        Actor = loanEvent.Actor,
        EventTime = Timestamp.FromDateTimeOffset(loanEvent.At),
        RequestId = loanEvent.RequestId,
        Note = loanEvent.Note,
    };
}
