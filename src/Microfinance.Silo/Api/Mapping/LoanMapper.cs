using Google.Protobuf.WellKnownTypes;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Loans;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps loans, their history and a household's loans to the proto contract.</summary>
public static class LoanMapper
{
    public static Proto.Loan ToProto(LoanRecord loan) => new()
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
        DisbursedDate = IsoDate.Format(loan.DisbursedOn),
        History = { loan.History.Select(ToProto) },
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
