using System.Globalization;
using Microfinance.Domain.Identity;

namespace Microfinance.Silo.Security;

/// <summary>
/// How much of a person's registry data a caller sees (个人信息保护法: no more than the role needs).
/// The registering offices see it whole; a bank officer sees names but only masked resident ids;
/// an auditor sees names masked too. A masked id hides the birth date, so none is shown beside it.
/// </summary>
public sealed class PersonalDataView
{
    private static readonly PersonalDataView Whole = new(fullResidentIds: true, fullNames: true);
    private static readonly PersonalDataView Lender = new(fullResidentIds: false, fullNames: true);
    private static readonly PersonalDataView Masked = new(fullResidentIds: false, fullNames: false);

    private readonly bool _fullResidentIds;
    private readonly bool _fullNames;

    private PersonalDataView(bool fullResidentIds, bool fullNames)
    {
        _fullResidentIds = fullResidentIds;
        _fullNames = fullNames;
    }

    /// <summary>The view of <paramref name="caller"/>'s role; a role not named here sees everything masked.</summary>
    public static PersonalDataView For(Caller caller) => caller.Role switch
    {
        Role.ProvinceAdministrator or Role.CountyOfficer or Role.TownshipOfficer or Role.VillageOfficer => Whole,
        Role.BankOfficer => Lender,
        _ => Masked,
    };

    /// <summary>A person's name as this view shows it.</summary>
    public string Name(string name) => _fullNames ? name : PersonalDataMask.Name(name);

    /// <summary>A resident id as this view shows it; empty when there is none.</summary>
    public string ResidentId(ResidentId? id) => id switch
    {
        null => "",
        { } known when _fullResidentIds => known.Value,
        { } known => PersonalDataMask.ResidentId(known),
    };

    /// <summary>The birth date read from a resident id (ISO 8601); empty when there is none or the id is masked.</summary>
    public string BirthDate(ResidentId? id) =>
        id is { } known && _fullResidentIds ? known.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
}
