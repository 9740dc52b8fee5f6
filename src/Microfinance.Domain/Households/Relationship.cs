namespace Microfinance.Domain.Households;

/// <summary>How a household member is related to the head of household.</summary>
public enum Relationship
{
    /// <summary>配偶.</summary>
    Spouse = 1,

    /// <summary>子女.</summary>
    Child = 2,

    /// <summary>父母.</summary>
    Parent = 3,

    /// <summary>孙子女.</summary>
    Grandchild = 4,

    /// <summary>其他.</summary>
    Other = 5,
}
