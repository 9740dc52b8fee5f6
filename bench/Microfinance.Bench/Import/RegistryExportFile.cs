using System.Globalization;
using System.Text;
using Microfinance.Abstractions.Households;
using Microfinance.Bench.Province;
using Microfinance.Silo.Api.Imports;
using Microfinance.Silo.Api.Mapping;

namespace Microfinance.Bench.Import;

/// <summary>
/// Writes a province's registry as the poverty information system exports it: the columns the
/// import reads, Chinese headers and words, village after village, in UTF-8 or GBK.
/// </summary>
public static class RegistryExportFile
{
    /// <returns>How many rows were written.</returns>
    public static async Task<int> WriteAsync(string path, SyntheticRegistry registry, int villages, Encoding encoding, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, append: false, encoding) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(",", HouseholdColumns.All.Select(column => column.Chinese)));
        var rows = 0;
        for (var index = 0; index < villages; index++)
        {
            ct.ThrowIfCancellationRequested();
            var village = registry.VillageCodeOf(index);
            foreach (var household in registry.Village(index))
            {
                await writer.WriteLineAsync(Row(village, household));
                rows++;
            }
        }

        return rows;
    }

    private static string Row(string village, HouseholdRegistration household)
    {
        var profile = household.Profile;
        return string.Join(",",
            household.RegistryNumber,
            village,
            profile.HeadName,
            profile.HeadResidentId.Value,
            HouseholdColumns.ChineseWordOf(HouseholdColumns.Categories, ProtoEnums.ToProto(profile.Category)),
            HouseholdColumns.ChineseWordOf(HouseholdColumns.LaborCapacities, ProtoEnums.ToProto(profile.LaborCapacity)),
            profile.StarRating.ToString(CultureInfo.InvariantCulture),
            profile.CreditHousehold ? "是" : "否",
            string.Join(";", profile.Members.Select(member =>
                $"{member.Name}:{member.ResidentId?.Value}:{HouseholdColumns.ChineseWordOf(HouseholdColumns.Relationships, ProtoEnums.ToProto(member.Relationship))}")));
    }
}
