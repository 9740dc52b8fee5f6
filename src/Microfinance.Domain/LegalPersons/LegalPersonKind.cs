namespace Microfinance.Domain.LegalPersons;

/// <summary>The kinds of new agricultural business (新型农业经营主体) that may borrow for driven households.</summary>
public enum LegalPersonKind
{
    /// <summary>农民专业合作社: farmers' cooperative.</summary>
    Cooperative = 1,

    /// <summary>家庭农场: family farm.</summary>
    FamilyFarm = 2,

    /// <summary>能人大户 / 种养大户: large household.</summary>
    LargeHousehold = 3,

    /// <summary>龙头企业: leading agricultural enterprise.</summary>
    LeadingEnterprise = 4,
}
