using System.Globalization;

namespace Microfinance.Domain.Identity;

/// <summary>
/// How the registry's personal data is shown to a reader not entitled to all of it (个人信息保护法
/// 第五十一条: de-identification): what is kept still tells records apart, what is hidden no longer
/// identifies the person.
/// </summary>
public static class PersonalDataMask
{
    private const int KeptLeading = 6;
    private const int KeptTrailing = 4;
    private const char Hidden = '*';

    /// <summary>
    /// The id with its birth date and most of its sequence code hidden: the address code and the
    /// last four characters stay, <c>530124********0027</c>.
    /// </summary>
    public static string ResidentId(ResidentId id) =>
        string.Concat(
            id.Value.AsSpan(0, KeptLeading),
            new string(Hidden, Identity.ResidentId.Length - KeptLeading - KeptTrailing),
            id.Value.AsSpan(Identity.ResidentId.Length - KeptTrailing));

    /// <summary>
    /// The name's first character and one <c>*</c> for each other: <c>张**</c>. A one-character
    /// name is hidden whole, since its first character is all of it.
    /// </summary>
    public static string Name(string name)
    {
        // Counted in text elements: a rare surname outside the BMP (𠮷) is one character, not two.
        var characters = new StringInfo(name).LengthInTextElements;
        return characters switch
        {
            0 => "",
            1 => Hidden.ToString(),
            _ => StringInfo.GetNextTextElement(name) + new string(Hidden, characters - 1),
        };
    }
}
