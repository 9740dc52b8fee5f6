using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a due date of a repayment schedule: the fields and ids its record had when it was itself serialized as <c>mf.Instalment</c>.</summary>
[GenerateSerializer, Alias("mf.Instalment.Surrogate")]
public struct ScheduledInstalmentSurrogate
{
    [Id(0)]
    public int Number;

    [Id(1)]
    public DateOnly DueDate;

    [Id(2)]
    public DateOnly PeriodStart;

    [Id(3)]
    public Money Principal;

    [Id(4)]
    public Money Interest;
}
