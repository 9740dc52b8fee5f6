using Microfinance.Abstractions.Funds;
using Microfinance.Api.V1;
using Microfinance.Domain.Regions;

namespace Microfinance.Silo.Audit;

/// <summary>The entity a change is to, as the audit trail names it: its kind and its id as sent.</summary>
public readonly record struct AuditSubject(AuditEntityKind Kind, string Id)
{
    public static AuditSubject Region(string? code) => new(AuditEntityKind.Region, Trimmed(code));

    public static AuditSubject Household(string? registryNumber) => new(AuditEntityKind.Household, Trimmed(registryNumber));

    public static AuditSubject LegalPerson(string? creditCode) => new(AuditEntityKind.LegalPerson, Trimmed(creditCode));

    public static AuditSubject Fund(string? fundId) => new(AuditEntityKind.Fund, Trimmed(fundId));

    /// <summary>The fund an opening creates, by the id it will have; the county as sent if it does not parse.</summary>
    public static AuditSubject Fund(string? countyCode, string? bankCode) =>
        AdminCode.TryParse(countyCode, out var county, out _) && !string.IsNullOrWhiteSpace(bankCode)
            ? Fund(FundAccountId.For(county, bankCode.Trim()))
            : Fund(countyCode);

    public static AuditSubject Loan(string? loanId) => new(AuditEntityKind.Loan, Trimmed(loanId));

    private static string Trimmed(string? id) => id?.Trim() ?? "";
}
