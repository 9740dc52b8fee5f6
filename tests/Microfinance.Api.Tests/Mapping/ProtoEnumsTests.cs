using Microfinance.Silo.Api.Mapping;
using Domain = Microfinance.Domain;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Api.Tests.Mapping;

/// <summary>
/// Every value of an enum the API and the domain share crosses in both directions: a value added on
/// one side and not mapped fails here (a domain value without a proto one fails the build already).
/// </summary>
public sealed class ProtoEnumsTests
{
    [Fact]
    public void EveryValueOfTheEnumsSharedBothWaysCrossesAndComesBack()
    {
        BothWays<Domain.Households.HouseholdCategory, Proto.HouseholdCategory>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Households.LaborCapacity, Proto.LaborCapacity>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Households.Relationship, Proto.Relationship>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.LegalPersons.LegalPersonKind, Proto.LegalPersonKind>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Finance.InterestSource, Proto.InterestSource>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Funds.FundEntryKind, Proto.FundEntryKind>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Compensation.LossCause, Proto.LossCause>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Compensation.DunningMethod, Proto.DunningMethod>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Compensation.ClaimStatus, Proto.ClaimStatus>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Compensation.ObjectionStatus, Proto.ObjectionStatus>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Compensation.VerificationFinding, Proto.VerificationFinding>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
        BothWays<Domain.Loans.LoanParty, Proto.LoanParty>(ProtoEnums.ToProto, ProtoEnums.ToDomain);
    }

    [Fact]
    public void EveryValueARequestMayNameMeansADomainValue()
    {
        Inbound<Domain.Servicing.InterestFrequency, Proto.InterestFrequency>(ProtoEnums.ToDomain);
        Inbound<Domain.Servicing.PrincipalRepayment, Proto.PrincipalRepayment>(ProtoEnums.ToDomain);
    }

    /// <summary>Each domain value has a proto value other than UNSPECIFIED that reads back as itself, and each proto value but UNSPECIFIED reads as one.</summary>
    private static void BothWays<TDomain, TProto>(Func<TDomain, TProto> toProto, Func<TProto, TDomain?> toDomain)
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        foreach (var value in Enum.GetValues<TDomain>())
        {
            var proto = toProto(value);
            Assert.NotEqual(0, Convert.ToInt32(proto, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(value, toDomain(proto));
        }

        Assert.Null(toDomain(default));
        Inbound(toDomain);
    }

    /// <summary>Every proto value but UNSPECIFIED reads as a distinct domain value, and every domain value is one of them.</summary>
    private static void Inbound<TDomain, TProto>(Func<TProto, TDomain?> toDomain)
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        var specified = Enum.GetValues<TProto>().Where(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0).ToList();
        var read = specified.Select(value => toDomain(value) ?? throw new Xunit.Sdk.XunitException($"{typeof(TProto).Name}.{value} reads as no {typeof(TDomain).Name}.")).ToList();

        Assert.Equal(read.Count, read.Distinct().Count());
        Assert.Equal(Enum.GetValues<TDomain>().Order(), read.Order());
    }
}
