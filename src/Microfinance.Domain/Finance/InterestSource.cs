namespace Microfinance.Domain.Finance;

/// <summary>Which published reference rate a county's microloans are priced against.</summary>
public enum InterestSource
{
    /// <summary>
    /// 基准利率: the PBOC benchmark lending rate for the same term band ("执行人民银行规定的同期同档次
    /// 基准利率，不得上浮"), as in the "5321" policy.
    /// </summary>
    Benchmark = 1,

    /// <summary>
    /// 贷款市场报价利率 (LPR): from 2021, loans up to one year at most the 1-year LPR, longer loans at
    /// most the 5-year LPR, fixed for the contract.
    /// </summary>
    Lpr = 2,
}
