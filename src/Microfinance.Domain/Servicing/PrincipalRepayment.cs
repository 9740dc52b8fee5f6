namespace Microfinance.Domain.Servicing;

/// <summary>How the principal is repaid (还本方式).</summary>
public enum PrincipalRepayment
{
    /// <summary>到期一次还本: all principal at maturity (the default).</summary>
    AtMaturity = 1,

    /// <summary>
    /// 分期还本: equal principal instalments on every interest due date, split in whole fen with the
    /// remainder on the last instalment.
    /// </summary>
    EqualInstalments = 2,
}
