using Microfinance.Api.V1;

namespace Microfinance.Silo.Audit;

/// <summary>How the audit trail stores each <see cref="AuditEntityKind"/>: a short lower-case word.</summary>
public static class AuditEntityKinds
{
    private static readonly Dictionary<AuditEntityKind, string> Names = new()
    {
        [AuditEntityKind.Region] = "region",
        [AuditEntityKind.Household] = "household",
        [AuditEntityKind.LegalPerson] = "legal_person",
        [AuditEntityKind.Fund] = "fund",
        [AuditEntityKind.Loan] = "loan",
    };

    private static readonly Dictionary<string, AuditEntityKind> Kinds = Names.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static string NameOf(AuditEntityKind kind) => Names[kind];

    /// <summary>The kind stored as <paramref name="name"/>; unspecified for a name this version does not know.</summary>
    public static AuditEntityKind Parse(string name) => Kinds.GetValueOrDefault(name);

    public static bool IsKnown(AuditEntityKind kind) => Names.ContainsKey(kind);
}
