namespace Microfinance.Domain.Households;

/// <summary>A household's standing in the poverty information system.</summary>
public enum HouseholdCategory
{
    /// <summary>建档立卡贫困户: registered poor household.</summary>
    RegisteredPoor = 1,

    /// <summary>脱贫户: household that has escaped poverty.</summary>
    EscapedPoverty = 2,

    /// <summary>监测对象: monitored household (unstable, on the edge, or in sudden hardship).</summary>
    Monitored = 3,

    /// <summary>五保户: five-guarantee household; never eligible for microcredit (第九条).</summary>
    FiveGuarantee = 4,
}
