using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Policies;

/// <summary>One row of a county's credit lines (授信额度): what a household rated at least <paramref name="MinStars"/> may owe.</summary>
/// <param name="MinStars">The fewest stars (1–5) of the credit co-operative's rating the row applies from.</param>
/// <param name="Line">The most the household may owe and have reserved, across its loans.</param>
/// <param name="CreditVillageLine">The same in a credit village (信用村): at least <paramref name="Line"/>.</param>
public sealed record CreditLine(int MinStars, Money Line, Money CreditVillageLine);
