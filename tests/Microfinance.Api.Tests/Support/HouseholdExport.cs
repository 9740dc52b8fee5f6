using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Microfinance.Api.V1;

namespace Microfinance.Api.Tests.Support;

/// <summary>
/// A household export as the poverty information system writes one (Chinese headers and words), and
/// the import of such a file through the gRPC stream, as the CLI sends it.
/// </summary>
public static class HouseholdExport
{
    public const string Header = "档案编号,村代码,户主姓名,户主身份证号,户类型,劳动能力,星级,信用户,家庭成员";

    /// <summary>The row of <paramref name="household"/>, cells as the export writes them.</summary>
    public static string Row(Household household) => string.Join(",",
        household.RegistryNumber,
        household.VillageCode,
        household.Head.Name,
        household.Head.ResidentId,
        household.Category switch
        {
            HouseholdCategory.RegisteredPoor => "建档立卡贫困户",
            HouseholdCategory.EscapedPoverty => "脱贫户",
            HouseholdCategory.Monitored => "监测对象",
            _ => "五保户",
        },
        household.LaborCapacity switch
        {
            LaborCapacity.Skilled => "技能劳动力",
            LaborCapacity.Ordinary => "普通劳动力",
            LaborCapacity.Weak => "弱劳动力或半劳动力",
            _ => "无劳动力",
        },
        household.StarRating,
        household.CreditHousehold ? "是" : "否",
        string.Join(";", household.Members.Select(member => $"{member.Person.Name}:{member.Person.ResidentId}:{Relationship(member.Relationship)}")));

    /// <summary>The file: the header, then each line.</summary>
    public static string File(params IEnumerable<string> lines) => string.Join("\r\n", lines.Prepend(Header)) + "\r\n";

    /// <summary>A new household of <paramref name="village"/>, as a registration would send it.</summary>
    public static Household NewHousehold(string village) => LendingSetup.HouseholdRegistration(village, HouseholdCategory.RegisteredPoor).Household;

    /// <summary>Imports <paramref name="file"/> in chunks of <paramref name="chunkBytes"/>; every response the server sent.</summary>
    public static async Task<List<ImportHouseholdsResponse>> ImportAsync(
        CallInvoker caller, byte[] file, int chunkBytes = 1 << 16, FileEncoding encoding = FileEncoding.Unspecified)
    {
        using var call = new HouseholdService.HouseholdServiceClient(caller).ImportHouseholds();
        var reading = ReadAllAsync(call);
        try
        {
            for (var at = 0; at < file.Length; at += chunkBytes)
            {
                await call.RequestStream.WriteAsync(new ImportHouseholdsRequest
                {
                    Chunk = ByteString.CopyFrom(file, at, Math.Min(chunkBytes, file.Length - at)),
                    Encoding = at == 0 ? encoding : FileEncoding.Unspecified,
                });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception refused) when (refused is RpcException or InvalidOperationException)
        {
            // The server ended the call while the file was on its way: reading throws its status.
        }

        return await reading;
    }

    /// <summary>The bytes of <paramref name="text"/> in GBK, as a government export often is.</summary>
    public static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes(text);
    }

    private static async Task<List<ImportHouseholdsResponse>> ReadAllAsync(AsyncDuplexStreamingCall<ImportHouseholdsRequest, ImportHouseholdsResponse> call)
    {
        var responses = new List<ImportHouseholdsResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        return responses;
    }

    private static string Relationship(Relationship relationship) => relationship switch
    {
        Api.V1.Relationship.Spouse => "配偶",
        Api.V1.Relationship.Child => "子女",
        Api.V1.Relationship.Parent => "父母",
        Api.V1.Relationship.Grandchild => "孙子女",
        _ => "其他",
    };
}
